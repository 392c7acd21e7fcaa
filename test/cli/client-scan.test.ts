// "Lint workspace", client side without VS Code: the exclude glob handed to findFiles, batching and the summary.
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { batches, excludeGlob, SCAN_INCLUDE, summary } from '../../client/scan-plan';

describe('client workspace scan plan', () => {
  it('includes the files the CLI walks', () => {
    const isIncluded = picomatch(SCAN_INCLUDE, { dot: true });
    for (const p of ['deploy/taskdef.json', 'a/b/policy.jsonc', 'infra/ecs.config', 'x/prod.ecs.config', 'top.json',
      'cfn/service.yaml', 'cfn/app.yml', 'cdk.out/App.template.json', 'tf/ecs.tf']) assert.ok(isIncluded(p), p);
    for (const p of ['notes.txt', 'ecs.config.bak', 'a/b.tfvars', 'x.yaml.bak']) assert.ok(!isIncluded(p), p);
  });

  it('merges enabled files.exclude patterns with node_modules and .git (findFiles drops the defaults otherwise)', () => {
    const glob = excludeGlob({ '**/.DS_Store': true, '**/build/**': true, '**/off/**': false, '**/when/**': { when: '$(basename).ts' }, 'a,b': true });
    assert.equal(glob, '{**/node_modules/**,**/.git/**,**/.DS_Store,**/build/**}');
    const isExcluded = picomatch(glob, { dot: true });
    assert.ok(isExcluded('pkg/node_modules/x/taskdef.json'));
    assert.ok(isExcluded('app/build/out/taskdef.json'));
    assert.ok(!isExcluded('off/taskdef.json'), 'patterns set to false stay included');
    assert.ok(!isExcluded('deploy/taskdef.json'));
    assert.equal(excludeGlob(undefined), '{**/node_modules/**,**/.git/**}');
    assert.equal(excludeGlob(['x']), '{**/node_modules/**,**/.git/**}');
  });

  it('batches URIs and summarises the result', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([], 2), []);
    assert.equal(summary({ files: 3, linted: 2, problems: 1, skipped: 1, cancelled: false }),
      'ECS Security Lint: linted 2 files in the workspace: 1 problem (1 skipped: open in the editor or unreadable).');
    assert.match(summary({ files: 9, linted: 1, problems: 0, skipped: 0, cancelled: true }), /cancelled after 1 file, 0 problems/);
  });
});
