import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/awsvpc-host-port';
const task = (portMappings: unknown[], networkMode: string | null = 'awsvpc') => ({ family: 'web', ...(networkMode ? { networkMode } : {}), containerDefinitions: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1', portMappings }] });

describe(RULE, () => {
  it('flags a hostPort that differs from containerPort, on the hostPort value', () => {
    const text = json(task([{ containerPort: 8080, hostPort: 8080 }, { containerPort: 5601, hostPort: 80 }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '80');
    assert.match(fs[0].message, /container "b"/);
    assert.equal(fs[0].severity, 'error');
  });
  it('does not flag bridge/host/absent network modes, equal or absent hostPort, or a bare array', () => {
    assert.equal(findings(RULE, json(task([{ containerPort: 80, hostPort: 0 }], 'bridge'))).length, 0);
    assert.equal(findings(RULE, json(task([{ containerPort: 80, hostPort: 8080 }], null))).length, 0);
    assert.equal(findings(RULE, json(task([{ containerPort: 80 }, { containerPort: 81, hostPort: 81 }, { containerPortRange: '9000-9100' }, 'junk']))).length, 0);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'x', portMappings: [{ containerPort: 80, hostPort: 81 }] }])).length, 0);
  });
  it('fix sets hostPort = containerPort (safe) in register and describe shapes; re-lint is clean', () => {
    for (const text of [json(task([{ containerPort: 5601, hostPort: 80, protocol: 'tcp' }])), describeShape(task([{ containerPort: 5601, hostPort: 80 }]))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, true);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      const def = JSON.parse(fixed).taskDefinition ?? JSON.parse(fixed);
      assert.equal(def.containerDefinitions[1].portMappings[0].hostPort, 5601);
    }
  });
});
