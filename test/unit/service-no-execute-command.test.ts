import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json } from '../helpers';

const RULE = 'service/no-execute-command';
const svc = (enableExecuteCommand: unknown) => ({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2, enableExecuteCommand });

describe(RULE, () => {
  it('flags enableExecuteCommand true on the key and value', () => {
    const text = json(svc(true));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"enableExecuteCommand": true');
    assert.equal(fs[0].severity, 'warning');
  });
  it('flags it in update-service input too', () => {
    assert.equal(findings(RULE, json({ cluster: 'prod', service: 'web', enableExecuteCommand: true })).length, 1);
  });
  it('does not flag false, absent or a string', () => {
    for (const v of [false, undefined, 'true']) assert.equal(findings(RULE, json(svc(v))).length, 0, String(v));
  });
  it('fix sets false (not safe: removes an access path) and the re-lint is clean', () => {
    const text = json(svc(true));
    const f = findings(RULE, text)[0];
    assert.equal(f.fixes![0].safe, false);
    const fixed = applyFix(text, f);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).enableExecuteCommand, false);
  });
});
