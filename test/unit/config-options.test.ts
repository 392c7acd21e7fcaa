// Rule options set in a config file reach the rules through the engine.
import * as assert from 'node:assert/strict';
import { defaultEngine } from '../../rules';
import { ConfigLoader, lintFile } from '../../config';
import { TempTree } from './config-helpers';

const engine = defaultEngine();

describe('config: rule options', () => {
  let t: TempTree;
  beforeEach(() => { t = new TempTree(); });
  afterEach(() => t.cleanup());

  function ids(rules: Record<string, unknown>, task: unknown, name = 'taskdef.json') {
    t.write('.ecslintrc.json', { rules });
    const text = JSON.stringify(task, null, 2);
    const r = lintFile(engine, t.write(name, text), text, { loader: new ConfigLoader(engine) });
    assert.deepEqual(r.configErrors, []);
    return r.findings.map((f) => `${f.ruleId}:${text.slice(f.offset, f.offset + f.length)}`);
  }

  const base = { family: 'app', containerDefinitions: [{ name: 'web', image: 'docker.io/library/nginx:1.27', readonlyRootFilesystem: true }] };

  it('task/required-tags is off by default and checks the configured keys', () => {
    const tagged = { ...base, tags: [{ key: 'owner', value: 'a' }] };
    assert.ok(!ids({}, tagged).some((x) => x.startsWith('task/required-tags')));
    const found = ids({ 'task/required-tags': ['warning', { tags: ['owner', 'cost-center'] }] }, tagged).filter((x) => x.startsWith('task/required-tags'));
    assert.deepEqual(found, ['task/required-tags:"tags"']);
    assert.deepEqual(ids({ 'task/required-tags': ['warning', { tags: ['owner'] }] }, tagged).filter((x) => x.startsWith('task/required-tags')), []);
    // Service definitions too; without `tags` the finding sits on the name key.
    assert.deepEqual(ids({ 'task/required-tags': ['error', { tags: ['owner'] }] }, { serviceName: 's', cluster: 'c' }, 'service.json')
      .filter((x) => x.startsWith('task/required-tags')), ['task/required-tags:"serviceName"']);
  });

  it('task/allowed-registries flags images from other registries (Docker Hub as docker.io)', () => {
    const task = { family: 'app', containerDefinitions: [
      { name: 'a', image: 'nginx:1.27' },
      { name: 'b', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1' },
      { name: 'c', image: 'ghcr.io/acme/app:1' },
    ] };
    const cfg = { 'task/allowed-registries': ['error', { registries: ['*.dkr.ecr.*.amazonaws.com'] }] };
    assert.deepEqual(ids(cfg, task).filter((x) => x.startsWith('task/allowed')), [
      'task/allowed-registries:"nginx:1.27"', 'task/allowed-registries:"ghcr.io/acme/app:1"',
    ]);
    assert.deepEqual(ids({}, task).filter((x) => x.startsWith('task/allowed')), []);
  });

  it('extra dangerous capabilities and extra secret-name patterns', () => {
    const task = { family: 'app', containerDefinitions: [{
      name: 'web', image: 'nginx:1.27',
      linuxParameters: { capabilities: { add: ['CAP_CHOWN'], drop: ['ALL'] } },
      environment: [{ name: 'ACME_TOKEN_X', value: 'zq8vK2m1pLx9' }],
    }] };
    const without = ids({}, task);
    assert.ok(!without.some((x) => x.startsWith('task/no-dangerous-capabilities')));
    const withOpts = ids({
      'task/no-dangerous-capabilities': ['warning', { extraCapabilities: ['chown'] }],
      'task/no-plaintext-secrets': ['error', { secretNamePatterns: ['^ACME_'] }],
    }, task);
    assert.ok(withOpts.includes('task/no-dangerous-capabilities:"CAP_CHOWN"'), withOpts.join('\n'));
    assert.ok(withOpts.includes('task/no-plaintext-secrets:"ACME_TOKEN_X"'), withOpts.join('\n'));
  });
});
