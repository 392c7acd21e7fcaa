// Terraform hosts and the HCL parser: the subset of HCL the linter reads, unknown values, ranges and fixes in HCL.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../rules';
import { parseHcl, type HclAttribute, type HclBlock } from '../../rules/hosts/hcl/parser';
import { flagged, lint } from '../helpers';

describe('hosts: HCL parser', () => {
  it('parses blocks, attributes, objects, tuples, calls and comments with ranges', () => {
    const src = '# c\nresource "a" "b" { // c\n  x = { k = 1, "q-r": [true, null] } /* c */\n  y = jsonencode([1])\n  inner {\n    z = -2\n  }\n}\n';
    const { body, errors } = parseHcl(src);
    assert.deepEqual(errors, []);
    const b = body.items[0] as HclBlock;
    assert.deepEqual([b.type, b.labels], ['resource', ['a', 'b']]);
    const x = b.body.items[0] as HclAttribute;
    assert.equal(src.slice(x.value.span.offset, x.value.span.offset + x.value.span.length), '{ k = 1, "q-r": [true, null] }');
    assert.equal(x.value.t === 'object' && x.value.items.map((i) => i.key).join(), 'k,q-r');
    const y = b.body.items[1] as HclAttribute;
    assert.equal(y.value.t === 'call' && y.value.name, 'jsonencode');
    const z = (b.body.items[2] as HclBlock).body.items[0] as HclAttribute;
    assert.deepEqual(z.value.t === 'number' && z.value.value, -2);
  });

  it('keeps templates, escapes and heredocs', () => {
    const src = 'a = "x${var.y}z"\nb = "q\\"\\n$${lit}"\nc = <<-EOT\n    {"k": 1}\n    EOT\nd = <<EOT\n{"k": "${var.v}"}\nEOT\n';
    const { body, errors } = parseHcl(src);
    assert.deepEqual(errors, []);
    const v = body.items.map((i) => (i as HclAttribute).value);
    assert.deepEqual(v.map((e) => e.t === 'string' && [e.value, e.interpolated]), [
      ['x${var.y}z', true], ['q"\n${lit}', false], ['{"k": 1}\n', false], ['{"k": "${var.v}"}\n', true],
    ]);
  });

  it('keeps references, operators, conditionals and for expressions as unknown expressions', () => {
    const src = 'a = var.x\nb = var.n > 0 ? var.n : 1\nc = [for s in var.l : upper(s)]\nd = local.m["k"]\n';
    const { body, errors } = parseHcl(src);
    assert.deepEqual(errors, []);
    assert.deepEqual(body.items.map((i) => (i as HclAttribute).value.t), ['expr', 'expr', 'expr', 'expr']);
    const b = (body.items[1] as HclAttribute).value;
    assert.equal(src.slice(b.span.offset, b.span.offset + b.span.length), 'var.n > 0 ? var.n : 1');
  });

  it('reports errors Terraform would report and never throws', () => {
    const { errors } = parseHcl('a = \nb = 1\nc = "unterminated\nd = 2\n');
    assert.ok(errors.length >= 1);
    for (const bad of ['{'.repeat(5000), '"${', '<<EOT\nx', '/*', 'a = [1,', 'x "y" {{{', 'a = ' + '['.repeat(20000)]) {
      assert.doesNotThrow(() => parseHcl(bad));
      assert.ok(parseHcl(bad).errors.length >= 1, bad.slice(0, 20));
    }
  });
});

const TF = `variable "image" { type = string }

resource "aws_ecs_task_definition" "web" {
  family       = "web"
  network_mode = "awsvpc"
  pid_mode     = "host"

  container_definitions = jsonencode([
    {
      name                   = "web"
      image                  = var.image
      essential              = true
      user                   = "1000:1000"
      readonlyRootFilesystem = var.read_only
      dockerSecurityOptions  = ["no-new-privileges"]
      linuxParameters        = { capabilities = { drop = ["NET_RAW"] }, initProcessEnabled = true }
      logConfiguration       = { logDriver = "awslogs", options = { "awslogs-group" = "g", "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "w" } }
      environment = [
        { name = "DB_HOST", value = "\${var.db_host}:5432" },
        { name = "DB_PASSWORD", value = var.db_password },
        { name = "API_TOKEN", value = "s3cr3t-t0ken-value-123" },
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "legacy" {
  family                = "legacy"
  container_definitions = <<JSON
[{"name": "app", "image": "nginx:1.25", "privileged": true, "user": "\${var.uid}"}]
JSON
}

resource "aws_ecs_task_definition" "from_file" {
  family                = "f"
  container_definitions = file("\${path.module}/containers.json")
}
`;

describe('hosts: Terraform', () => {
  const r = lint(TF, { fileName: 'main.tf' });
  const of = (id: string) => r.findings.filter((f) => f.ruleId === id);

  it('is detected from the .tf name and lints each resource', () => {
    assert.equal(r.kind, 'terraform');
    assert.ok(r.findings.length > 0);
    assert.ok(r.findings.every((f) => /^aws_ecs_task_definition\.(web|legacy|from_file): /.test(f.message)), r.findings.map((f) => f.message).join('\n'));
  });

  it('treats variables and templates as unknown; literals are still checked', () => {
    assert.equal(of('task/readonly-root-filesystem').filter((f) => f.message.startsWith('aws_ecs_task_definition.web')).length, 0);
    // A credential-named variable from var.x is still plain text in the task definition (test/unit/hosts-secrets).
    assert.deepEqual(of('task/no-plaintext-secrets').map((f) => flagged(TF, f)), ['var.db_password', '"API_TOKEN"']);
    // file() is never read by the engine: only the task-level arguments of that resource are checked.
    assert.deepEqual(r.findings.filter((f) => f.message.startsWith('aws_ecs_task_definition.from_file')).map((f) => f.ruleId), ['task/awsvpc-network-mode']);
  });

  it('maps heredoc JSON findings into the heredoc', () => {
    const f = of('task/no-privileged').find((x) => x.message.startsWith('aws_ecs_task_definition.legacy'))!;
    assert.equal(flagged(TF, f), '"privileged": true');
    assert.equal(f.fixes, undefined); // no HCL edit inside a heredoc
  });

  it('fixes a task argument by removing its line', () => {
    const [f] = of('task/no-host-pid');
    assert.equal(flagged(TF, f), '"host"');
    const out = applyEdits(TF, f.fixes![0].edits);
    assert.equal(out, TF.replace('  pid_mode     = "host"\n', ''));
  });

  it('fixes inside jsonencode: edits a one-line tuple', () => {
    const web = <T extends { message: string }>(fs: T[]) => fs.filter((x) => x.message.startsWith('aws_ecs_task_definition.web'));
    const [f] = web(of('task/drop-all-capabilities'));
    assert.ok(f.fixes, 'a drop-all fix');
    const out = applyEdits(TF, f.fixes[0].edits);
    assert.ok(out.includes('drop = ["ALL", "NET_RAW"]'), out);
    assert.deepEqual(parseHcl(out).errors, []);
    assert.equal(web(lint(out, { fileName: 'main.tf' }).findings.filter((x) => x.ruleId === 'task/drop-all-capabilities')).length, 0);
  });

  it('moves a plaintext secret out of a multi-line tuple and adds `secrets = [...]`', () => {
    const f = of('task/no-plaintext-secrets').find((x) => flagged(TF, x) === '"API_TOKEN"')!;
    const out = applyEdits(TF, f.fixes![0].edits);
    assert.deepEqual(parseHcl(out).errors, []);
    assert.ok(!out.includes('"API_TOKEN", value'));
    assert.match(out, /\n {6}secrets = \[\{ "name" = "API_TOKEN", "valueFrom" = "arn:aws:secretsmanager:<region>:<account-id>:secret:<secret-name>" \}\]\n {4}\}/);
  });

  it('an HCL syntax error is one finding', () => {
    const bad = lint('resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [ }\n}\n', { fileName: 'x.tf' });
    assert.deepEqual(bad.findings.map((f) => f.ruleId), ['json/syntax-error']);
    assert.match(bad.findings[0].message, /^Invalid HCL/);
  });

  it('reads aws_iam_policy_document statements (principals, conditions) with ranges on their attributes', () => {
    const src = `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`;
    const res = lint(src, { fileName: 'iam.tf' });
    const f = res.findings.find((x) => x.ruleId === 'trust/wildcard-principal');
    assert.ok(f, res.findings.map((x) => x.ruleId).join());
    assert.equal(flagged(src, f), '"*"');
    assert.match(f.message, /^data\.aws_iam_policy_document\.trust: /);
  });
});
