// Incremental linting (rules/core/incremental.ts): a document linted again and again with one LintMemo, as the
// language server does on every edit, must give exactly the findings of a fresh lint (messages, ranges, fixes,
// related locations, order) after every step of a long random editing session: single characters (structural ones
// that break the JSON included), pasted and deleted containers, a task-level field changed, an OS flip, CRLF lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { defaultEngine, LintMemo, parseJson, type LintOptions } from '../../rules';
import { parseWithMemo, type ParseMemo } from '../../rules/core/incremental-parse';
import { REPO_ROOT, rng } from '../helpers';

const STEPS = Number(process.env.INCREMENTAL_STEPS) || 500; // INCREMENTAL_STEPS=<n> for a longer session

/** Containers that between them trigger every container rule (and fixes of every shape). */
function containers(): Record<string, unknown>[] {
  const fromExamples = ['bad-register.json', 'good-register.json', 'bad-describe.json'].flatMap((f) => {
    const j = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'task-definition', f), 'utf8'));
    return (j.containerDefinitions ?? j.taskDefinition?.containerDefinitions ?? []) as Record<string, unknown>[];
  });
  return [
    ...fromExamples,
    { name: 'priv', image: 'nginx', privileged: true, user: 'root', environment: [{ name: 'DB_PASSWORD', value: 'hunter2hunter2' }, { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }] },
    { name: 'caps', image: 'busybox:latest', linuxParameters: { capabilities: { add: ['SYS_ADMIN', 'NET_RAW'], drop: ['NET_BIND_SERVICE'] }, devices: [{ hostPath: '/dev/mem' }] }, dockerSecurityOptions: ['seccomp:unconfined', 'apparmor=unconfined'] },
    { name: 'ports', image: 'x/y:1', portMappings: [{ containerPort: 22 }, { containerPort: 8080, hostPort: 80 }], secrets: [{ name: 'S', valueFrom: 'not-an-arn' }], repositoryCredentials: { credentialsParameter: 'bad' } },
    { image: 'public.ecr.aws/a/b', logConfiguration: { options: {} }, readonlyRootFilesystem: false, user: '0:0' },
    { name: 'logs', image: 'quay.io/a/b:2', logConfiguration: 'awslogs', linuxParameters: { capabilities: {} }, dockerSecurityOptions: [] },
  ];
}

function taskdef(list: Record<string, unknown>[], n: number, extra: Record<string, unknown> = {}): string {
  const cs = Array.from({ length: n }, (_, i) => ({ ...list[i % list.length], ...(i % 3 ? { name: `c${i}` } : {}) }));
  return JSON.stringify({ family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['EC2'], taskRoleArn: 'arn:aws:iam::123456789012:role/t', ...extra, containerDefinitions: cs }, null, 2);
}

const CHARS = 'abcxyz019 {}[]",:\\-*\n';

/** One random edit: mostly a character inserted or deleted, sometimes a container pasted or cut, a task-level change. */
function edit(text: string, r: () => number, pool: string[]): string {
  const k = r();
  const at = Math.floor(r() * text.length);
  if (k < 0.42) return text.slice(0, at) + CHARS[Math.floor(r() * CHARS.length)] + text.slice(at);
  if (k < 0.84) return text.slice(0, at) + text.slice(at + 1);
  if (k < 0.88) { // paste a container after a container's end
    const end = text.indexOf('\n    },', at);
    return end < 0 ? text : `${text.slice(0, end + 6)}, ${pool[Math.floor(r() * pool.length)]}${text.slice(end + 6)}`;
  }
  if (k < 0.91) { // cut a span (a container, or parts of two)
    const len = Math.floor(r() * 600);
    return text.slice(0, at) + text.slice(at + len);
  }
  if (k < 0.94) { // a task-level change: network mode, OS, compatibilities
    const swaps: [RegExp, string][] = [[/"awsvpc"|"bridge"|"host"/, pick(r, ['"awsvpc"', '"bridge"', '"host"'])], [/"EC2"|"FARGATE"/, pick(r, ['"EC2"', '"FARGATE"'])], [/"family"/, '"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "family"']];
    const [re, to] = pick(r, swaps);
    return text.replace(re, to);
  }
  if (k < 0.96) return text.replace(/"image": "[^"]*"/, '"image": "mcr.microsoft.com/windows/servercore:ltsc2022"'); // OS derived from a container
  if (k < 0.98) { const nl = text.indexOf('\n', at); return nl < 0 ? text : `${text.slice(0, nl)}\r${text.slice(nl)}`; } // a CRLF line end
  return text.slice(0, at) + '    ' + text.slice(at); // indentation
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

describe('incremental linting equals a fresh lint', () => {
  const engine = defaultEngine();
  const list = containers();
  const pool = list.map((c) => JSON.stringify(c, null, 2).replace(/\n/g, '\n    '));

  const sessions: { name: string; start: string; opts: LintOptions; undo: boolean }[] = [
    { name: 'register shape, random edits', start: taskdef(list, 40), opts: { fileName: 'taskdef.json' }, undo: false },
    { name: 'register shape, edit then undo (the bench pattern)', start: taskdef(list, 60), opts: { fileName: 'taskdef.json' }, undo: true },
    { name: 'describe shape with options', start: JSON.stringify({ taskDefinition: JSON.parse(taskdef(list, 30)) }, null, 2), undo: false,
      opts: { fileName: 'td.json', ruleSettings: { 'task/allowed-registries': 'warning' }, ruleOptions: { 'task/allowed-registries': { registries: ['*.dkr.ecr.*.amazonaws.com'] }, 'task/no-plaintext-secrets': { secretNamePatterns: ['^C'] } } } },
    { name: 'bare container array', start: JSON.stringify(JSON.parse(taskdef(list, 30)).containerDefinitions, null, 2), opts: { fileName: 'containers.json', kind: 'container-definitions' }, undo: false },
  ];

  for (const s of sessions) {
    it(`${s.name}: ${STEPS} steps`, function () {
      this.timeout(300_000);
      const r = rng(20261203 + s.name.length);
      const memo = new LintMemo();
      let text = s.start;
      let pending: string | undefined;
      for (let step = 0; step < STEPS; step++) {
        if (s.undo && pending !== undefined) { text = s.start; pending = undefined; } else { text = edit(text, r, pool); if (s.undo) pending = text; }
        const incremental = engine.lint(text, { ...s.opts, memo });
        const fresh = engine.lint(text, s.opts);
        if (JSON.stringify(incremental) !== JSON.stringify(fresh)) {
          assert.deepEqual(incremental, fresh, `step ${step} differs from a fresh lint`);
        }
      }
      // The memo did its job: containers were reused (most of them when each edit is undone, as in the bench).
      assert.ok(s.undo ? memo.stats.reused > 2 * memo.stats.checked : memo.stats.reused > 0, `reused ${memo.stats.reused}, checked ${memo.stats.checked}`);
    });
  }

  it(`re-parsing one edited value gives parseJson's tree: ${STEPS * 2} steps`, () => {
    const r = rng(7);
    const memo: ParseMemo = { readers: 0 };
    const start = taskdef(list, 20);
    let text = start;
    const plain = (t: unknown) => JSON.stringify(t, (k, v) => (k === 'parent' ? undefined : v));
    let spliced = 0, brokenSpliced = 0;
    for (let step = 0; step < STEPS * 2; step++) {
      text = r() < 0.3 ? start : edit(text, r, pool);
      const had = memo.root;
      const got = parseWithMemo(text, memo);
      if (had && got.root && memo.root === got.root && got.root !== had) spliced++;
      if (memo.restore) brokenSpliced++;
      assert.equal(plain(got), plain(parseJson(text)), `step ${step}`);
      // Parent links are the tree's own.
      const walk = (n: { parent?: unknown; children?: { parent?: unknown }[] }) => { for (const c of n.children ?? []) { assert.equal(c.parent, n); walk(c as never); } };
      if (got.root) walk(got.root as never);
    }
    assert.ok(spliced > STEPS / 2, `${spliced} spliced`);
    assert.ok(brokenSpliced > STEPS / 10, `${brokenSpliced} broken values spliced`);
  });

  it('kept trees and reports hold no earlier version of the document', () => {
    // Values parsed from a slice of the document, and messages quoting them, were views of that version's whole
    // text: every spliced value and every kept report held its own ~1 MB copy alive.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const cs = Array.from({ length: 40 }, (_, i) => ({ name: `container-with-a-long-name-${i}`, image: 'nginx:latest', user: 'root', dockerLabels: { filler: 'x'.repeat(25_000) } }));
    let text = JSON.stringify({ family: 'f', containerDefinitions: cs }, null, 2);
    const memo = new LintMemo();
    const engine = defaultEngine();
    engine.lint(text, { fileName: 'big.json', memo });
    gc();
    const before = process.memoryUsage().heapUsed;
    const r = rng(11);
    for (let i = 0; i < 60; i++) {
      const at = text.indexOf('container-with-a-long-name-', Math.floor(r() * text.length * 0.95));
      if (at < 0) continue;
      text = text.slice(0, at + 5) + 'x' + text.slice(at + 5);
      // Every other edit also touches the array between two containers, so the whole array is parsed again: the
      // renamed container's messages then quote a name parsed from that (1 MB) copy.
      if (i % 2) { const open = text.lastIndexOf('{', at); text = `${text.slice(0, open)} ${text.slice(open)}`; }
      text = (' ' + text).slice(1); // a new string per version, as an editor's
      engine.lint(text, { fileName: 'big.json', memo });
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    assert.ok(memo.stats.reused > 0);
    assert.ok(grown < 12, `${grown.toFixed(1)} MB kept after 60 edits of a ${(text.length / 2 ** 20).toFixed(1)} MB document`);
  });

  it('a broken splice still read by a lint is left alone; the next parse starts over', () => {
    const memo: ParseMemo = { readers: 0 };
    const strict = taskdef(list, 20);
    const at = strict.indexOf('"image"', strict.length / 2);
    const broken = strict.slice(0, at) + '{' + strict.slice(at);
    const plain = (t: unknown) => JSON.stringify(t, (k, v) => (k === 'parent' ? undefined : v));
    parseWithMemo(strict, memo);
    const b = parseWithMemo(broken, memo);
    assert.ok(memo.restore, 'the broken edit was spliced');
    assert.ok(b.errors.length > 0);
    const bPlain = plain(b);
    assert.equal(bPlain, plain(parseJson(broken)));
    memo.readers++; // a lint still reads b's tree
    const next = strict.replace('"family": "app"', '"family": "apq"');
    assert.equal(plain(parseWithMemo(next, memo)), plain(parseJson(next)));
    assert.equal(plain(b), bPlain, 'the tree the lint reads did not change under it');
    memo.readers--;
    // Undo after a broken splice that was restored: the strict tree again, equal to a fresh parse.
    parseWithMemo(strict, memo);
    parseWithMemo(broken, memo);
    assert.equal(plain(parseWithMemo(strict, memo)), plain(parseJson(strict)));
    assert.equal(memo.restore, undefined);
  });
});

describe('incremental host linting equals a fresh lint', () => {
  // CloudFormation and Terraform: an embedded document whose rendering, own lines, label, audience, environment
  // references, settings and layout are unchanged keeps its findings, moved (rules/hosts/lint.ts).
  const engine = defaultEngine();
  const files = ['cdk-fargate.template.json', 'intrinsics.template.json', 'deployment-stack.yaml', 'service.yaml', 'ecs-module.tf', 'deployment-module.tf'];
  const HOST_STEPS = Math.ceil(STEPS / 2);
  for (const f of files) {
    it(`${f}: ${HOST_STEPS} random edits`, function () {
      this.timeout(300_000);
      const start = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hosts', f), 'utf8');
      const r = rng(20261203 + f.length);
      const memo = new LintMemo();
      const chars = 'abc01 {}[]",:\\-\n#\'';
      let text = start;
      for (let step = 0; step < HOST_STEPS; step++) {
        const k = r();
        const at = Math.floor(r() * text.length);
        if (k < 0.2) text = start; // back to the start: every document unchanged, moved or not
        else if (k < 0.6) text = text.slice(0, at) + chars[Math.floor(r() * chars.length)] + text.slice(at);
        else if (k < 0.95) text = text.slice(0, at) + text.slice(at + 1);
        else text = text.slice(0, at) + text.slice(at + Math.floor(r() * 300));
        const incremental = engine.lint(text, { fileName: f, memo });
        const fresh = engine.lint(text, { fileName: f });
        if (JSON.stringify(incremental) !== JSON.stringify(fresh)) assert.deepEqual(incremental, fresh, `step ${step} differs from a fresh lint`);
      }
      assert.ok(memo.stats.hostDocsReused > HOST_STEPS / 20, `${memo.stats.hostDocsReused} documents reused`);
    });
  }

  it('a parameter renamed elsewhere in the template changes an unchanged task definition\'s findings', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hosts', 'intrinsics.template.json'), 'utf8');
    const memo = new LintMemo();
    const noEcho = (t: string) => engine.lint(t, { fileName: 'stack.json', memo }).findings.filter((x) => /NoEcho/.test(x.message)).length;
    assert.ok(noEcho(text) > 0);
    assert.equal(noEcho(text.replace('"Parameters": { "DbPassword"', '"Parameters": { "DbPassword0"')), 0);
  });
});
