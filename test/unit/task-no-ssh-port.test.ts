import * as assert from 'node:assert/strict';
import { findings, flagged, json, describeShape } from '../helpers';

const RULE = 'task/no-ssh-port';
const task = (containers: object[], networkMode = 'bridge') => ({ family: 'web', networkMode, containerDefinitions: containers });

describe(RULE, () => {
  it('flags containerPort 22 in a later container, on the port value', () => {
    const text = json(task([{ name: 'a', image: 'x', portMappings: [{ containerPort: 80 }] }, { name: 'b', image: 'x', portMappings: [{ containerPort: 8080 }, { containerPort: 22, hostPort: 22 }] }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '22');
    assert.match(fs[0].message, /container "b"/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('flags hostPort 22 mapped to another port, and quoted ports', () => {
    const text = json(task([{ name: 'a', image: 'x', portMappings: [{ containerPort: 2222, hostPort: 22 }, { containerPort: '22' }] }]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['22', '"22"']);
  });
  it('works in the describe shape and a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task([{ name: 'a', image: 'x', portMappings: [{ containerPort: 22 }] }], 'awsvpc'))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', portMappings: [{ containerPort: 22 }] }])).length, 1);
  });
  it('does not flag other ports, 2222, 220, or junk', () => {
    const text = json(task([{ name: 'a', image: 'x', portMappings: [{ containerPort: 2222 }, { containerPort: 220, hostPort: 0 }, null, { containerPort: 'ssh' }] }, { name: 'b', image: 'x', portMappings: {} }]));
    assert.equal(findings(RULE, text).length, 0);
  });
});
