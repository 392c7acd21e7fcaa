import * as assert from 'node:assert/strict';
import { findings, flagged, lineOf, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/no-privileged';
const task = (containers: object[]) => ({ family: 'web', networkMode: 'awsvpc', containerDefinitions: containers });

describe(RULE, () => {
  it('flags privileged: true in a later container, on the key and value', () => {
    const text = json(task([{ name: 'a', image: 'x' }, { name: 'b', image: 'y', privileged: true }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"privileged": true');
    assert.equal(lineOf(text, fs[0]), text.split('\n').findIndex((l) => l.includes('"privileged"')));
    assert.match(fs[0].message, /container "b"/);
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a', image: 'x', privileged: true }]))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', privileged: true }])).length, 1);
  });
  it('does not flag privileged: false, absent, or the misspelled key Checkov reads', () => {
    assert.equal(findings(RULE, json(task([{ name: 'a', image: 'x', privileged: false }]))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a', image: 'x' }]))).length, 0);
    assert.equal(findings(RULE, json(task([{ name: 'a', image: 'x', privilege: true }]))).length, 0);
  });
  it('fix removes the key and the re-lint is clean', () => {
    const text = json(task([{ name: 'a', image: 'x', privileged: true, essential: true }]));
    const fixed = applyFix(text, findings(RULE, text)[0]);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(JSON.parse(fixed).containerDefinitions[0].essential, true);
    assert.equal(findings(RULE, text)[0].fixes![0].preferred, true);
  });
});
