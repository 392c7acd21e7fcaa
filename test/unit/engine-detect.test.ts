import * as assert from 'node:assert/strict';
import { lint, json } from '../helpers';
import { examples } from '../inputs';

const kindOf = (text: string, fileName?: string, associations?: Record<string, string>) => lint(text, { fileName, associations }).kind;

describe('document kind detection', () => {
  it('task definitions in all three shapes', () => {
    assert.equal(kindOf(json({ family: 'x', containerDefinitions: [] })), 'task-definition');
    assert.equal(kindOf(json({ taskDefinition: { family: 'x', containerDefinitions: [] }, tags: [] })), 'task-definition');
    assert.equal(kindOf(json([{ name: 'web', image: 'nginx' }])), 'container-definitions');
    assert.equal(kindOf(json({ family: 'x', networkMode: 'awsvpc' })), 'task-definition');
  });
  it('service definitions (taskDefinition is a string there)', () => {
    assert.equal(kindOf(json({ serviceName: 's', cluster: 'c', taskDefinition: 'web:3' })), 'service-definition');
    assert.equal(kindOf(json({ cluster: 'c', taskDefinition: 'web:3', desiredCount: 2 })), 'service-definition');
  });
  it('policies by content', () => {
    const stmt = (s: object) => json({ Version: '2012-10-17', Statement: [s] });
    assert.equal(kindOf(stmt({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })), 'identity-policy');
    assert.equal(kindOf(stmt({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' })), 'trust-policy');
    assert.equal(kindOf(stmt({ Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] })), 'ecr-repository-policy');
    assert.equal(kindOf(stmt({ Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'], Resource: '*' })), 'endpoint-policy');
    // A single statement object (not an array) is valid IAM.
    assert.equal(kindOf(json({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })), 'identity-policy');
  });
  it('file names decide between resource policy kinds and for empty documents', () => {
    const rp = json({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*', Resource: '*' }] });
    assert.equal(kindOf(rp, '/p/ecr-repo-policy.json'), 'ecr-repository-policy');
    assert.equal(kindOf('{}', '/p/taskdef.json'), 'task-definition');
    assert.equal(kindOf('{}', '/p/my-task-definition.json'), 'task-definition');
    assert.equal(kindOf('{}', '/p/permissions.json'), 'unknown', 'a weak name alone is not enough');
    assert.equal(kindOf('ECS_CLUSTER=prod\n', '/etc/ecs/ecs.config'), 'agent-config');
    assert.equal(kindOf('ECS_CLUSTER=prod\n', '/x/prod.ecs.config'), 'agent-config');
  });
  it('unrelated JSON is unknown and gets no findings', () => {
    const pkg = json({ name: 'x', version: '1.0.0', dependencies: {} });
    assert.deepEqual(lint(pkg, { fileName: '/p/package.json' }), { kind: 'unknown', findings: [] });
    assert.deepEqual(lint('{ broken', { fileName: '/p/tsconfig.json' }), { kind: 'unknown', findings: [] });
    assert.equal(kindOf(json([1, 2, 3])), 'unknown');
  });
  it('the associations setting always wins', () => {
    const td = json({ family: 'x', containerDefinitions: [] });
    assert.equal(kindOf(td, '/w/a/b.json', { '**/a/*.json': 'identity-policy' }), 'identity-policy');
    assert.equal(kindOf('{}', '/w/deploy/thing.json', { 'thing.json': 'trust-policy' }), 'trust-policy');
    assert.equal(kindOf(td, '/w/x.json', { 'x.json': 'unknown' }), 'unknown');
    assert.equal(kindOf(td, '/w/x.json', { 'x.json': 'not-a-kind' }), 'task-definition', 'invalid kinds are ignored');
  });
  it('every example file gets the kind its folder and name say (by content: names are neutral)', () => {
    const expected = (name: string): string => {
      const [folder, file] = name.split('/');
      if (folder === 'task-definition') return file.includes('container-definitions') ? 'container-definitions' : 'task-definition';
      if (folder === 'policies') return /(identity|trust|endpoint|ecr-repository)-policy/.exec(file)![0];
      const byFolder: Record<string, string> = { 'service-definition': 'service-definition', 'agent-config': 'agent-config', cloudformation: 'cloudformation', cdk: 'cloudformation', terraform: 'terraform' };
      return byFolder[folder];
    };
    const files = examples();
    assert.ok(files.length > 30);
    for (const f of files) {
      assert.equal(kindOf(f.text, `/w/${f.name}`), expected(f.name), f.name);
      // JSON examples are recognised from their content alone, under a name that says nothing.
      if (f.name.endsWith('.json')) assert.equal(kindOf(f.text, '/w/x/data.json'), expected(f.name), `${f.name} by content`);
    }
  });
});
