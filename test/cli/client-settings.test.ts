// Pure client helpers (no VS Code needed): run-mode filter, association keys, rule-id safety.
import * as assert from 'node:assert/strict';
import {
  KIND_CHOICES, isSafeRuleId, relativeKey, resolveAssociationKey, resolveSectionAssociations, skipPull, withAssociation,
} from '../../client/settings';
import { DOCUMENT_KINDS, kindFromAssociations } from '../../rules';

describe('client settings helpers', () => {
  it('skips only typing pulls in onSave mode', () => {
    assert.equal(skipPull('onSave', 'onType'), true);
    assert.equal(skipPull('onSave', 'onSave'), false);
    assert.equal(skipPull('onType', 'onType'), false);
    assert.equal(skipPull(undefined, 'onType'), false);
    assert.equal(skipPull(42, 'onType'), false);
  });

  it('makes workspace-relative association keys match the absolute paths the server sees', () => {
    assert.equal(resolveAssociationKey('infra/prod.json'), '**/infra/prod.json');
    assert.equal(resolveAssociationKey('./infra/prod.json'), '**/infra/prod.json');
    assert.equal(resolveAssociationKey('infra\\prod.json'), '**/infra/prod.json');
    assert.equal(resolveAssociationKey('*.taskdef.json'), '*.taskdef.json');
    assert.equal(resolveAssociationKey('**/deploy/*.json'), '**/deploy/*.json');
    assert.equal(resolveAssociationKey('/abs/x.json'), '/abs/x.json');
    // End to end with the engine's matcher.
    const assoc = resolveSectionAssociations({ files: { associations: { 'infra/prod.json': 'trust-policy' } } }) as any;
    assert.equal(kindFromAssociations('/home/me/project/infra/prod.json', assoc.files.associations), 'trust-policy');
    assert.equal(kindFromAssociations('/home/me/project/other/prod.json', assoc.files.associations), undefined);
  });

  it('rewrites both the nested and the flattened settings shape and tolerates junk', () => {
    assert.deepEqual(resolveSectionAssociations({ 'files.associations': { 'a/b.json': 'unknown' }, run: 'onSave' }),
      { 'files.associations': { '**/a/b.json': 'unknown' }, run: 'onSave' });
    assert.equal(resolveSectionAssociations(null), null);
    assert.deepEqual(resolveSectionAssociations({ files: { associations: 'nope' } }), { files: { associations: 'nope' } });
    assert.deepEqual(resolveSectionAssociations({ files: { associations: { 'x/y.json': 3 } } }), { files: { associations: {} } });
  });

  it('computes workspace-relative keys', () => {
    assert.equal(relativeKey('/w/proj', '/w/proj/infra/task.json'), 'infra/task.json');
    assert.equal(relativeKey('/w/proj/', '/w/proj/task.json'), 'task.json');
    assert.equal(relativeKey('/w/proj', '/w/project/task.json'), undefined);
    assert.equal(relativeKey('C:\\w\\proj', 'c:\\w\\proj\\a\\b.json'), 'a/b.json');
  });

  it('adds, replaces and removes associations without touching the others', () => {
    assert.deepEqual(withAssociation({ 'a.json': 'unknown' }, 'b/c.json', 'trust-policy'), { 'a.json': 'unknown', 'b/c.json': 'trust-policy' });
    assert.deepEqual(withAssociation({ 'b/c.json': 'unknown' }, 'b/c.json', 'trust-policy'), { 'b/c.json': 'trust-policy' });
    assert.deepEqual(withAssociation({ 'b/c.json': 'unknown', x: 'task-definition' }, 'b/c.json', undefined), { x: 'task-definition' });
    assert.deepEqual(withAssociation(undefined, 'k', 'agent-config'), { k: 'agent-config' });
  });

  it('offers every document kind in the quick pick', () => {
    assert.deepEqual(KIND_CHOICES.map((c) => c.kind), [...DOCUMENT_KINDS]);
  });

  it('accepts only pack/name rule ids as docs paths', () => {
    assert.ok(isSafeRuleId('task/no-privileged'));
    for (const bad of ['../../etc/passwd', 'task/../x', 'task', '', null, 3, 'Task/X']) assert.ok(!isSafeRuleId(bad), String(bad));
  });
});
