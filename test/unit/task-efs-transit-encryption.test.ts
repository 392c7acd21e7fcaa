import * as assert from 'node:assert/strict';
import { findings, flagged, applyFix, json, describeShape } from '../helpers';

const RULE = 'task/efs-transit-encryption';
const task = (volumes: unknown[]) => ({ family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'x:1' }], volumes });
const efs = (cfg: object, name = 'data') => ({ name, efsVolumeConfiguration: { fileSystemId: 'fs-12345678', ...cfg } });

describe(RULE, () => {
  it('flags DISABLED on the value, and absent on the efsVolumeConfiguration key', () => {
    const text = json(task([efs({ transitEncryption: 'DISABLED' }, 'a'), efs({}, 'b')]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 2);
    assert.equal(flagged(text, fs[0]), '"DISABLED"');
    assert.equal(flagged(text, fs[1]), '"efsVolumeConfiguration"');
    assert.match(fs[1].message, /"b"/);
  });
  it('checks every EFS volume, not only the first (Checkov CKV_AWS_97 stops there)', () => {
    const text = describeShape(task([efs({ transitEncryption: 'ENABLED' }, 'ok'), { name: 'scratch', host: {} }, efs({}, 'later')]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /"later"/);
  });
  it('does not flag host, Docker or ENABLED EFS volumes (Trivy/KICS false positives), or bad shapes', () => {
    const text = json(task([{ name: 'h', host: { sourcePath: '/data' } }, { name: 'd', dockerVolumeConfiguration: { scope: 'task' } }, efs({ transitEncryption: 'ENABLED' }), { name: 'n', efsVolumeConfiguration: null }, 'junk']));
    assert.equal(findings(RULE, text).length, 0);
    assert.equal(findings(RULE, json({ family: 'x', containerDefinitions: [], volumes: {} })).length, 0);
  });
  it('mentions IAM authorization when it is enabled', () => {
    const f = findings(RULE, json(task([efs({ authorizationConfig: { iam: 'ENABLED' } })])))[0];
    assert.match(f.message, /IAM authorization/);
  });
  it('fix sets ENABLED (safe) on the right volume, inserting when absent; re-lint is clean', () => {
    for (const text of [json(task([efs({ transitEncryption: 'ENABLED' }, 'a'), efs({}, 'b')])), describeShape(task([efs({ transitEncryption: 'DISABLED', rootDirectory: '/' })]))]) {
      const f = findings(RULE, text)[0];
      assert.equal(f.fixes![0].safe, true);
      const fixed = applyFix(text, f);
      assert.equal(findings(RULE, fixed).length, 0);
      const def = JSON.parse(fixed).taskDefinition ?? JSON.parse(fixed);
      assert.ok(def.volumes.every((v: { efsVolumeConfiguration: { transitEncryption: string } }) => v.efsVolumeConfiguration.transitEncryption === 'ENABLED'));
    }
  });
});
