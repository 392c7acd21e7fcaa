// Seeded fuzzing of the engine over mutated example files and fixtures: no rule may throw, every finding's range must lie inside
// the text, and each document must lint within a time budget. Small in the suite; FUZZ_ITERATIONS=1000000 for long runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_ERROR_ID, SYNTAX_RULE_ID, type DocumentKind } from '../../rules';
import { lint, rng } from '../helpers';
import { examples, fixtures } from '../inputs';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS) || 1500;
const SEED = Number(process.env.FUZZ_SEED) || 20261123;
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS) || 1000; // per document; generous because CI machines are shared


/** Seeds: every example (all kinds and hosts, bad and clean) and the task definition fixtures. */
function seedFiles(): string[] {
  return [...examples(), ...fixtures('taskdefs')].map((f) => f.path);
}

const KINDS: (DocumentKind | undefined)[] = [undefined, 'task-definition', 'container-definitions', 'service-definition',
  'identity-policy', 'trust-policy', 'endpoint-policy', 'ecr-repository-policy', 'agent-config'];

const HOST_KINDS: (DocumentKind | undefined)[] = [undefined, undefined, 'cloudformation', 'terraform'];
const HOST_ITERATIONS = Math.ceil(ITERATIONS / 3);
const HOSTILE_ITERATIONS = Math.ceil(ITERATIONS / 3);

/** A hostile value to sit beside a privileged flag: too deep, prototype-named keys, or a string of openers. */
function hostileValue(r: () => number): string {
  const k = r();
  if (k < 0.4) return deepLiteral(r);
  if (k < 0.7) return `{${PROTO_NAMES.map((n) => `${JSON.stringify(n)}: ${JSON.stringify(n)}`).join(', ')}}`;
  return JSON.stringify(pick(r, OPENERS).repeat(1 + Math.floor(r() * 20_000)));
}

/** Documents with one privileged container and a slot for a hostile value (a JSON literal) and a hostile key name. */
const PRIVILEGED_SEEDS: { name: string; fragile?: boolean; make: (value: string, key: string) => string }[] = [
  { name: 'taskdef.json', make: (v, k) => `{"family": "x", ${JSON.stringify(k)}: 1, "containerDefinitions": [{"name": "a", "image": "nginx:1", "privileged": true, ${JSON.stringify(k)}: ${v}, "dockerLabels": {"l": ${v}}}]}` },
  { name: 'container-definitions.json', make: (v, k) => `[{"name": "a", "image": "nginx:1", "privileged": true, ${JSON.stringify(k)}: ${v}, "environment": [{"name": "X", "value": ${JSON.stringify(v.slice(0, 5000))}}]}]` },
  { name: 'template.json', make: (v, k) => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {${JSON.stringify(k)}: {"Type": "AWS::ECS::TaskDefinition", "Properties": {${JSON.stringify(k)}: ${v}, "ContainerDefinitions": [{"Name": "a", "Image": "x", "Privileged": true, "DockerLabels": {"l": ${v}}}]}}}}` },
  { name: 'template.yaml', fragile: true, make: (v, k) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ${JSON.stringify(k)}: ${v}\n      ContainerDefinitions:\n        - Name: a\n          Image: x\n          Privileged: true\n          DockerLabels:\n            l: ${v}\n` },
  { name: 'main.tf', fragile: true, make: (v, k) => `resource "aws_ecs_task_definition" "web" {\n  family = "x"\n  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true, ${JSON.stringify(k)} = ${v} }])\n}\n` },
  { name: 'heredoc.tf', fragile: true, make: (v, k) => `resource "aws_ecs_task_definition" "web" {\n  family = "x"\n  container_definitions = <<EOF\n[{"name": "a", "image": "x", "privileged": true, ${JSON.stringify(k)}: ${v}}]\nEOF\n}\n` },
];

const WRONG_VALUES = ['null', '0', '-1e308', 'true', '"x"', '[]', '{}', '[null]', '{"":null}', '"*"', '"arn:aws:*"',
  JSON.stringify('a'.repeat(100_000)), JSON.stringify('x-Y'.repeat(30_000)), '[[[[[[[[]]]]]]]]'];

type Mutator = (text: string, r: () => number) => string;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const at = (text: string, r: () => number) => Math.floor(r() * (text.length + 1));

const MUTATORS: Record<string, Mutator> = {
  flip(text, r) {
    const b = Buffer.from(text, 'utf8');
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n && b.length; i++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
    return b.toString('utf8'); // invalid UTF-8 decodes to U+FFFD, as an editor would show it
  },
  truncate: (text, r) => text.slice(0, at(text, r)),
  deleteRange(text, r) { const i = at(text, r); return text.slice(0, i) + text.slice(i + Math.floor(r() * 50)); },
  insertChar(text, r) { const i = at(text, r); return text.slice(0, i) + pick(r, [...'{}[]",:\\0nt-e*', '\u0000', '\uD800', '\uFFFD']) + text.slice(i); },
  // Replace a value after a random `:` with a value of another type (numbers for strings, objects for arrays, nulls...).
  wrongType(text, r) {
    const colons: number[] = [];
    for (let i = text.indexOf(':'); i >= 0 && colons.length < 5000; i = text.indexOf(':', i + 1)) colons.push(i);
    if (!colons.length) return text;
    const c = pick(r, colons);
    const end = text.slice(c + 1).search(/[,}\]\n]/);
    return text.slice(0, c + 1) + ' ' + pick(r, WRONG_VALUES) + text.slice(end < 0 ? text.length : c + 1 + end);
  },
  // Duplicate a `"key": value` line so the object has the same key twice.
  duplicateKey(text, r) {
    const lines = text.split('\n');
    const keyed = lines.map((l, i) => (/^\s*"[^"]+"\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!keyed.length) return text;
    const i = pick(r, keyed);
    lines.splice(i, 0, lines[i].trimEnd().endsWith(',') ? lines[i] : lines[i] + ',');
    return lines.join('\n');
  },
  // Wrap a value in nested arrays/objects.
  nest(text, r) {
    const i = at(text, r); const d = 1 + Math.floor(r() * 200);
    return text.slice(0, i) + '['.repeat(d) + text.slice(i) + ']'.repeat(d);
  },
  // Hostile mutations (issue 16): past the depth limit, prototype names, repeated openers, BOM, CR-only lines.
  // After a key's colon (`": `), not inside a string value such as "AWS::ECS::TaskDefinition".
  deepValue(text, r) {
    const i = text.indexOf('": ', at(text, r));
    return i < 0 ? text : text.slice(0, i + 2) + ' ' + deepLiteral(r) + ',' + text.slice(i + 2);
  },
  protoKey(text, r) {
    const keys: number[] = [];
    for (let m: RegExpExecArray | null, re = /"[A-Za-z_]\w*"\s*:|^\s*[A-Za-z_]\w*\s*[=:]/gm; (m = re.exec(text)) && keys.length < 5000;) keys.push(m.index);
    if (!keys.length) return text;
    const k = pick(r, keys);
    const m = /^(\s*)"?([A-Za-z_]\w*)"?/.exec(text.slice(k))!;
    const quoted = text[k + m[1].length] === '"';
    const name = pick(r, PROTO_NAMES);
    return text.slice(0, k) + m[1] + (quoted ? JSON.stringify(name) : name) + text.slice(k + m[0].length);
  },
  openers(text, r) {
    const i = text.indexOf('"', at(text, r));
    return i < 0 ? text : text.slice(0, i + 1) + pick(r, OPENERS).repeat(1 + Math.floor(r() * 5000)) + text.slice(i + 1);
  },
  bom: (text) => '\ufeff' + text,
  crOnly: (text) => text.replace(/\r?\n/g, '\r'),
};

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const OPENERS = ['${', '{{', '$(', '%(', '#{', '<', '__A', '\\u', '*'];

/** A JSON value nested past the engine's 256 levels, sometimes far past. */
function deepLiteral(r: () => number): string {
  const d = 250 + Math.floor(r() * (r() < 0.9 ? 300 : 3000));
  return r() < 0.5 ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d);
}

/** Long runs print where they are (a partial run is reported as partial); FUZZ_PROGRESS=0 silences it. */
function progress(label: string, i: number, total: number, started: number): void {
  if (process.env.FUZZ_PROGRESS === '0' || total < 100_000 || i % 50_000 !== 0 || i === 0) return;
  console.log(`      fuzz ${label}: ${i}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

function check(text: string, kind: DocumentKind | undefined, fileName: string, label: string): void {
  const t0 = performance.now();
  let res;
  try {
    res = lint(text, { kind, fileName });
  } catch (e) {
    assert.fail(`engine threw on ${label} (${kind ?? 'auto'}): ${(e as Error)?.stack ?? e}`);
  }
  const ms = performance.now() - t0;
  assert.ok(ms < BUDGET_MS, `${label} (${kind ?? 'auto'}) took ${ms.toFixed(0)} ms`);
  const failed = res.findings.filter((f) => f.ruleId === RULE_ERROR_ID);
  assert.equal(failed.length, 0, `a rule failed on ${label} (${kind ?? 'auto'}): ${failed.map((f) => f.message.slice(0, 500)).join('; ')}\n--- input (first 2,000 characters) ---\n${text.slice(0, 2000)}`);
  for (const f of res.findings) {
    assert.ok(Number.isInteger(f.offset) && Number.isInteger(f.length) && f.offset >= 0 && f.length >= 0
      && f.offset + f.length <= text.length, `${f.ruleId} range [${f.offset}, +${f.length}] outside a text of ${text.length} on ${label}`);
  }
}

describe('fuzz: engine over mutated example files', function () {
  this.timeout(Math.max(60_000, ITERATIONS * 50));
  const files = seedFiles();

  it('has example files of every kind to mutate', () => {
    assert.ok(files.length > 30, `only ${files.length} seed files`);
    for (const ext of ['.json', '.yaml', '.tf', '.sh', '.ecs.config']) assert.ok(files.some((f) => f.endsWith(ext)), `no ${ext} seed`);
  });

  it(`survives ${ITERATIONS} seeded mutations (seed ${SEED})`, () => {
    const r = rng(SEED);
    const texts = files.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
    const names = Object.keys(MUTATORS);
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      progress('corpus', i, ITERATIONS, started);
      const src = pick(r, texts);
      let text = src.text;
      const steps = 1 + Math.floor(r() * 3);
      const applied: string[] = [];
      for (let s = 0; s < steps; s++) { const m = pick(r, names); applied.push(m); text = MUTATORS[m](text, r); }
      check(text, pick(r, KINDS), src.name, `#${i} ${src.name} [${applied.join(',')}]`);
    }
  });

  it(`survives ${HOST_ITERATIONS} seeded mutations of CloudFormation (JSON, YAML) and Terraform templates`, () => {
    const r = rng(SEED + 1);
    const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts');
    const hosts = fs.readdirSync(dir).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    assert.ok(hosts.length >= 4, `no host fixtures in ${dir}`);
    const names = Object.keys(MUTATORS);
    const started = performance.now();
    for (let i = 0; i < HOST_ITERATIONS; i++) {
      progress('hosts', i, HOST_ITERATIONS, started);
      const src = pick(r, hosts);
      let text = src.text;
      const applied: string[] = [];
      for (let s = 0, n = 1 + Math.floor(r() * 3); s < n; s++) { const m = pick(r, names); applied.push(m); text = MUTATORS[m](text, r); }
      // The file name decides .tf/.yaml detection; a forced kind exercises the host adapters on any text.
      check(text, pick(r, HOST_KINDS), src.name, `host #${i} ${src.name} [${applied.join(',')}]`);
    }
  });

  // Fail closed: a document holding a privileged container, whatever hostile value sits beside it, is listed (a known
  // kind, as a walk would) and fails the CLI (an error finding: the privileged one, or one saying it was not linted).
  it(`never lets ${HOSTILE_ITERATIONS} hostile variants of privileged documents pass clean (seed ${SEED})`, () => {
    const r = rng(SEED + 2);
    // The hostile values sit in the seeds' slots; these whole-text mutations cannot rename or remove the flag itself.
    const hostile = ['deepValue', 'bom', 'crOnly'];
    const started = performance.now();
    for (let i = 0; i < HOSTILE_ITERATIONS; i++) {
      progress('privileged', i, HOSTILE_ITERATIONS, started);
      const seed = pick(r, PRIVILEGED_SEEDS);
      let text = seed.make(hostileValue(r), pick(r, PROTO_NAMES));
      const applied: string[] = [];
      for (let s = 0, n = Math.floor(r() * 3); s < n; s++) {
        const m = pick(r, hostile);
        if (m === 'deepValue' && seed.fragile) continue; // YAML/HCL may read `[[…]], true` as a plain string
        const next = MUTATORS[m](text, r);
        if (!/privileged|Privileged/.test(next)) continue;
        applied.push(m);
        text = next;
      }
      const label = `privileged #${i} ${seed.name} [${applied.join(',')}]`;
      const res = lint(text, { fileName: seed.name });
      assert.notEqual(res.kind, 'unknown', `${label}: not recognised, a walk would skip it\n${text.slice(0, 500)}`);
      assert.ok(res.findings.some((f) => f.severity === 'error'), `${label}: would exit 0`);
      // A mutation may break the host's syntax (an unterminated "${" in HCL); otherwise the container must be reported.
      const broken = res.findings.some((f) => (f.ruleId === SYNTAX_RULE_ID && !/nests deeper/.test(f.message)) || f.ruleId.startsWith('internal/'));
      assert.ok(broken || res.findings.some((f) => f.ruleId === 'task/no-privileged'), `${label}: privileged container not reported: ${res.findings.map((f) => f.ruleId).join(', ')}\n${text.slice(0, 800)}`);
    }
  });

  it('survives truncation at every offset of two small files', () => {
    const small = files.filter((f) => f.endsWith('.json')).map((f) => ({ f, size: fs.statSync(f).size }))
      .filter((x) => x.size > 300).sort((a, b) => a.size - b.size);
    const picks = [small.find((x) => x.f.includes('task-definition')), small.find((x) => x.f.includes('policies'))].filter(Boolean) as { f: string }[];
    assert.equal(picks.length, 2);
    for (const { f } of picks) {
      const text = fs.readFileSync(f, 'utf8');
      for (let i = 0; i <= text.length; i++) check(text.slice(0, i), undefined, path.basename(f), `${path.basename(f)} cut at ${i}`);
    }
  });

  it('survives a document whose every value is of a wrong type', () => {
    const src = fs.readFileSync(files.find((f) => /task-definition\/.*register/.test(f.split(path.sep).join('/')))!, 'utf8');
    for (const v of WRONG_VALUES) {
      // Every scalar and every array replaced at once.
      const text = src.replace(/:\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g, `: ${v}`);
      for (const kind of [undefined, 'task-definition', 'service-definition', 'identity-policy'] as const) check(text, kind, 'wrong-types.json', `all values = ${v.slice(0, 20)}`);
    }
  });

  it('survives 10,000-level nesting and invalid UTF-8', () => {
    check('{"containerDefinitions":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', 'task-definition', 'deep.json', 'deep arrays');
    check('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), undefined, 'deep.json', 'deep objects');
    check(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x3a, 0xed, 0xa0, 0x80, 0x7d]).toString('utf8'), undefined, 'utf8.json', 'invalid utf-8');
  });

  // Once quadratic: every fix re-parsed the whole document (fixed with tree-based removal).
  it('lints a 10 MB file within 30 s', function () {
    this.timeout(120_000);
    const container = { name: 'c', image: 'nginx', privileged: true, environment: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'x' }] };
    const big = JSON.stringify({ family: 'big', containerDefinitions: Array.from({ length: Math.ceil(10_500_000 / JSON.stringify(container).length) }, (_, i) => ({ ...container, name: `c${i}` })) });
    assert.ok(big.length > 10_000_000);
    const t0 = performance.now();
    const res = lint(big, { fileName: 'big.json' });
    const ms = performance.now() - t0;
    assert.equal(res.findings.filter((f) => f.ruleId === RULE_ERROR_ID).length, 0);
    assert.ok(ms < 30_000, `10 MB took ${ms.toFixed(0)} ms`);
  });
  // Once quadratic: the secret heuristics' name regexes on a huge upper-case name (now capped at 8 KB).
  it('lints a 100 KB upper-case environment variable name within the budget', function () {
    const text = JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'b', environment: [{ name: 'A'.repeat(100_000), value: 'x' }] }] });
    check(text, 'task-definition', 'upper.json', 'huge upper-case env name');
  });
});
