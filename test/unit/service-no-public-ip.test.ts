import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json } from '../helpers';

const RULE = 'service/no-public-ip';
const svc = (assignPublicIp: unknown) => ({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp } } });

describe(RULE, () => {
  it('flags assignPublicIp ENABLED on the value', () => {
    const text = json(svc('ENABLED'));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"ENABLED"');
    assert.equal(fs[0].severity, 'error');
  });
  it('does not flag DISABLED, absent, odd types, or task definitions', () => {
    for (const v of ['DISABLED', undefined, true, null]) assert.equal(findings(RULE, json(svc(v))).length, 0, String(v));
    assert.equal(findings(RULE, json({ serviceName: 'x', networkConfiguration: 'x' })).length, 0);
    assert.equal(findings(RULE, json({ family: 'x', containerDefinitions: [], networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'ENABLED' } } })).length, 0);
  });
  it('fix sets DISABLED (not safe: image pulls may need NAT; preferred) and the re-lint is clean', () => {
    const text = json(svc('ENABLED'));
    const f = findings(RULE, text)[0];
    assert.equal(f.fixes![0].safe, false);
    assert.equal(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).networkConfiguration.awsvpcConfiguration.assignPublicIp, 'DISABLED');
  });
});
