// Terraform read with tree-sitter's grammar: constructs of real modules parse, syntax findings only for what
// Terraform rejects, offsets in UTF-16 code units, line endings and BOMs, and one finding when the grammar is missing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseHcl, type HclAttribute, type HclBlock } from '../../rules/hosts/hcl/parser';
import { flagged, lint } from '../helpers';

const syntax = (src: string) => lint(src, { fileName: 'main.tf' }).findings.filter((f) => f.ruleId === 'json/syntax-error');
const privileged = (src: string) => lint(src, { fileName: 'main.tf' }).findings.filter((f) => f.ruleId === 'task/no-privileged');

const TASK = `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.25", privileged = true }])
}
`;

describe('hosts: Terraform grammar (tree-sitter)', () => {
  it('thousands of never-closed "${" are one syntax error found without parsing; a few in comments are not', () => {
    const hostile = `${TASK}\nlocals {\n  x = "${'${'.repeat(5000)}"\n}\n`;
    const t0 = performance.now();
    const errs = syntax(hostile);
    assert.ok(performance.now() - t0 < 2000, 'bounded');
    assert.equal(errs.length, 1);
    assert.match(errs[0].message, /interpolations are never closed/);
    const commented = `# templates look like \${var.x or \${ and \${\n${TASK}`;
    assert.deepEqual(syntax(commented), []);
    assert.equal(privileged(commented).length, 1);
  });

  it('parses object for expressions, list for expressions across lines and parenthesised keys without a finding', () => {
    const src = `locals {
  by_name = { for c in var.containers : c.name => c if c.enabled }
  ports = [
    for p in var.ports :
    { containerPort = p, protocol = "tcp" }
  ]
  tags = merge(var.tags, { (var.tag_key) = "x", Name = "n" })
  grouped = { for k, v in var.m : v.group => k... }
  all = [for s in var.l : upper(s)]
  splat = aws_instance.a[*].id
  cond = var.x != null ? var.x : "d"
}
${TASK}`;
    assert.deepEqual(parseHcl(src).errors, []);
    assert.deepEqual(syntax(src), []);
    assert.equal(privileged(src).length, 1, 'the resource after the locals is still read');
  });

  it('marks a parenthesised key as computed and reads the other keys', () => {
    const src = 'x = { (var.k) = "a", name = "n" }\n';
    const v = (parseHcl(src).body.items[0] as HclAttribute).value;
    assert.equal(v.t, 'object');
    assert.deepEqual(v.t === 'object' && v.items.map((i) => [i.key, !!i.computed]), [['(var.k)', true], ['name', false]]);
  });

  it('a half-typed file reports one syntax finding and still yields its complete resources', () => {
    const src = `${TASK}
resource "aws_ecs_service" "svc" {
  name = "svc"
  network_configuration {
    assign_public_ip =
  }
`;
    const res = lint(src, { fileName: 'main.tf' });
    assert.equal(res.findings.filter((f) => f.ruleId === 'json/syntax-error').length, 1);
    assert.match(res.findings.find((f) => f.ruleId === 'json/syntax-error')!.message, /^Invalid HCL: /);
    assert.equal(res.findings.filter((f) => f.ruleId === 'task/no-privileged').length, 1);
  });

  it('reports what Terraform rejects: an unclosed brace, an unclosed quote, a missing value', () => {
    assert.equal(syntax('resource "a" "b" {\n  x = 1\n').length, 1);
    assert.equal(syntax('x = "abc\ny = 1\n').length, 1);
    assert.equal(syntax('x = \n').length, 1);
    assert.deepEqual(syntax('x = "a${\n  var.b\n}c"\n'), [], 'a newline inside an interpolation is valid');
  });

  it('ranges are UTF-16 offsets, as in the editor, after emoji and accented text', () => {
    const src = `# café ☕ 😀😀\nlocals { s = "é😀" }\n${TASK.replace('name = "app"', 'name = "😀-app"')}`;
    const [f] = privileged(src);
    assert.equal(flagged(src, f), 'privileged = true');
  });

  it('reads files with a BOM, CRLF and CR-only line endings', () => {
    for (const [name, text] of [['BOM', '\uFEFF' + TASK], ['CRLF', TASK.replace(/\n/g, '\r\n')], ['CR', TASK.replace(/\n/g, '\r')]]) {
      assert.deepEqual(syntax(text), [], name);
      const [f] = privileged(text);
      assert.ok(f, name);
      assert.equal(flagged(text, f), 'privileged = true', name);
    }
  });

  it('keeps heredoc content and escapes as Terraform reads them', () => {
    const src = 'a = <<-EOT\r\n    {"k": 1}\r\n    EOT\r\nb = "\\u00e9\\U0001F600 $${x} %%{y}"\n';
    const [a, b] = parseHcl(src).body.items as HclAttribute[];
    assert.equal(a.value.t === 'string' && a.value.value, '{"k": 1}\r\n');
    assert.deepEqual(b.value.t === 'string' && [b.value.value, b.value.interpolated], ['é😀 ${x} %{y}', false]);
  });

  it('keeps deeply nested and huge inputs bounded', () => {
    const deep = 'a = ' + '['.repeat(3000) + ']'.repeat(3000) + '\n' + TASK;
    assert.doesNotThrow(() => lint(deep, { fileName: 'main.tf' }));
    const lines = Array.from({ length: 150000 }, (_, i) => `  line ${i}`).join('\n');
    const big = `resource "aws_iam_policy" "p" {\n  policy = <<-EOT\n${lines}\n  EOT\n}\n${TASK}`;
    assert.equal(privileged(big).length, 1);
  });

  it('a block named like an Object.prototype member is an ordinary block', () => {
    const src = `constructor "toString" {\n  __proto__ = 1\n}\n${TASK}`;
    const [b] = parseHcl(src).body.items as HclBlock[];
    assert.deepEqual([b.type, b.labels], ['constructor', ['toString']]);
    assert.equal(privileged(src).length, 1);
  });

  it('without the grammar, a Terraform file gets one error saying it was not checked', () => {
    const rules = join(__dirname, '..', '..', 'rules');
    const run = (prelude: string) => {
      const script = `const r = require(${JSON.stringify(rules)}); (async () => { ${prelude}
        const res = r.defaultEngine().lint(${JSON.stringify(TASK)}, { fileName: 'main.tf', ruleSettings: { 'json/syntax-error': 'off' } });
        process.stdout.write(JSON.stringify(res.findings)); })();`;
      const p = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(p.status, 0, p.stderr);
      return JSON.parse(p.stdout) as { ruleId: string; severity: string; message: string }[];
    };
    const notLoaded = run('');
    assert.deepEqual(notLoaded.map((f) => [f.ruleId, f.severity]), [['internal/rule-error', 'error']]);
    assert.match(notLoaded[0].message, /not checked: the Terraform grammar is not loaded yet/);
    const failed = run(`await r.initTerraform(() => { throw new Error('no such file'); });`);
    assert.deepEqual(failed.map((f) => f.ruleId), ['internal/rule-error']);
    assert.match(failed[0].message, /failed to load \(no such file\)/);
  });
});
