import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, json, SHARED } from '../helpers';

const CORPUS = join(SHARED, 'corpus');
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
  it('every corpus file gets the kind its folder says', () => {
    for (const folder of ['taskdef', 'policy', 'unparsable']) {
      for (const f of readdirSync(join(CORPUS, folder))) {
        const p = join(CORPUS, folder, f);
        const kind = kindOf(readFileSync(p, 'utf8'), p);
        if (folder === 'policy') {
          // public_repo_policy.json is an ECR repository policy (Principal "*", ecr: actions, no Resource).
          assert.equal(kind, f.includes('public_repo_policy') ? 'ecr-repository-policy' : 'identity-policy', f);
        } else {
          assert.ok(kind === 'task-definition' || kind === 'container-definitions', `${f}: ${kind}`);
        }
      }
    }
  });
});
