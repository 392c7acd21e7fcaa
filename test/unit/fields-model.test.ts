// The generated ECS field model and the pure field lookup: required members from the Smithy schema, enums,
// the three task definition shapes, watched fields naming real rules, and no throw on broken text.
import * as assert from 'node:assert/strict';
import { allRules } from '../../rules';
import { ecsModel, ecsModelVersion, typeLabel } from '../../rules/fields/model';
import { fieldAt, fieldHoverMarkdown } from '../../rules/fields/hover';
import { WATCHED_FIELDS } from '../../rules/fields/security';
import { jsonCompletionsAt } from '../../rules/fields/complete';
import { json } from '../helpers';

describe('fields: model and lookup', () => {
  it('is generated from @aws-sdk/client-ecs with required members from the Smithy schema', () => {
    assert.match(ecsModelVersion, /^3\.\d+\.\d+$/);
    const reg = ecsModel().shape('RegisterTaskDefinitionRequest')!;
    assert.deepEqual([...reg.members.values()].filter((m) => m.required).map((m) => m.name).sort(), ['containerDefinitions', 'family']);
    assert.equal(typeLabel(reg.members.get('containerDefinitions')!.type), 'ContainerDefinition[]');
    assert.equal(typeLabel(reg.members.get('requiresCompatibilities')!.type), 'Compatibility[]');
    assert.deepEqual(ecsModel().enumValues('NetworkMode'), ['awsvpc', 'bridge', 'host', 'none']);
    assert.ok(ecsModel().shape('CreateServiceRequest')!.members.get('serviceName')!.required);
    // Documented value lists become enums named after their member (Linux capabilities).
    assert.ok(ecsModel().enumValues('KernelCapabilities.add')!.includes('SYS_ADMIN'));
    // Docs are markdown, not HTML.
    assert.doesNotMatch(reg.members.get('networkMode')!.doc, /<\/?(p|code|a)\b/);
  });

  it('every watched field exists in the model and names an existing rule; every task/service rule watches a field', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const watched = new Set<string>();
    for (const [field, rules] of Object.entries(WATCHED_FIELDS)) {
      const [shape, member] = field.split('.');
      assert.ok(ecsModel().shape(shape)?.members.has(member), `${field} not in the model`);
      for (const r of rules) { assert.ok(ids.has(r), `${field}: unknown rule ${r}`); watched.add(r); }
    }
    // Option-driven rules (registries, tags) and whole-definition rules have no single field to explain.
    const exempt = new Set(['task/allowed-registries', 'task/required-tags']);
    const unwatched = allRules.map((r) => r.meta.id).filter((id) => /^(task|service)\//.test(id) && !watched.has(id) && !exempt.has(id));
    assert.deepEqual(unwatched, []);
  });

  it('resolves keys in all three task definition shapes', () => {
    const container = { name: 'a', image: 'x', linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } };
    const register = json({ family: 'a', containerDefinitions: [container] });
    const describe = json({ taskDefinition: { family: 'a', revision: 2, containerDefinitions: [container] }, tags: [] });
    const bare = json([container]);
    for (const [text, kind] of [[register, 'task-definition'], [describe, 'task-definition'], [bare, 'container-definitions']] as const) {
      const hit = fieldAt(text, kind, text.indexOf('"add"') + 1);
      assert.equal(hit?.type, 'member');
      assert.equal(hit?.type === 'member' && `${hit.shape}.${hit.member.name}`, 'KernelCapabilities.add');
      const v = fieldAt(text, kind, text.indexOf('"NET_ADMIN"') + 1);
      assert.equal(v?.type, 'enum-value');
    }
    const rev = fieldAt(describe, 'task-definition', describe.indexOf('"revision"') + 1);
    assert.equal(rev?.type === 'member' && rev.shape, 'TaskDefinition');
    const tags = fieldAt(describe, 'task-definition', describe.indexOf('"tags"') + 1);
    assert.equal(tags?.type === 'member' && tags.shape, 'DescribeTaskDefinitionResponse');
  });

  it('completes container members in a bare array and describe members inside taskDefinition', () => {
    const bare = '[{"name": "a", ""}]';
    const items = jsonCompletionsAt(bare, 'container-definitions', bare.indexOf('""') + 1).map((c) => c.label);
    assert.ok(items.includes('privileged') && !items.includes('name'));
    const desc = json({ taskDefinition: { family: 'a', '': 1 } });
    const d = jsonCompletionsAt(desc, 'task-definition', desc.indexOf('""') + 1).map((c) => c.label);
    assert.ok(d.includes('revision') && d.includes('tags') && !d.includes('family'));
    const svc = json({ serviceName: 's', '': 1 });
    const sv = jsonCompletionsAt(svc, 'service-definition', svc.indexOf('""') + 1).map((c) => c.label);
    assert.ok(sv.includes('enableExecuteCommand') && sv.includes('forceNewDeployment') && !sv.includes('serviceName'));
  });

  it('enum value hover says when a value is not valid', () => {
    const text = json({ family: 'a', containerDefinitions: [], networkMode: 'awsvcp' });
    const hit = fieldAt(text, 'task-definition', text.indexOf('"awsvcp"') + 1)!;
    const md = fieldHoverMarkdown(hit, () => undefined);
    assert.match(md, /`awsvcp` is not a valid \*\*networkMode\*\* value/);
  });

  it('never throws on truncated, malformed or non-ECS input', () => {
    const text = json({ family: 'a', containerDefinitions: [{ name: 'a', image: 'x', privileged: true, linuxParameters: { capabilities: { add: ['SYS_ADMIN'] } } }] });
    for (let cut = 0; cut <= text.length; cut += 7) {
      const t = text.slice(0, cut);
      for (let o = -1; o <= t.length + 1; o += 5) {
        fieldAt(t, 'task-definition', o);
        jsonCompletionsAt(t, 'task-definition', o);
        jsonCompletionsAt(t, 'identity-policy', o);
      }
    }
    assert.equal(fieldAt('[1, {"a": [}', 'container-definitions', 3), undefined);
    assert.equal(fieldAt(text, 'identity-policy', 5), undefined);
    assert.deepEqual(jsonCompletionsAt(text, 'agent-config', 5), []);
  });
});
