// Hostile inputs against the engine (issue 16): files that tried to switch the linter off or stall it. Each case is a
// test of its own; large inputs are generated here; time bounds are generous absolutes or ratios a loaded 2-core
// machine meets.
import * as assert from 'node:assert/strict';
import { applyEdits, type Finding, type LintOptions } from '../../rules';
import { PLACEHOLDER } from '../../rules/task/secrets-heuristics';
import { capMessage, MAX_MESSAGE } from '../../rules/core/messages';
import { lint } from '../helpers';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);
const has = (fs: Finding[], id: string) => fs.some((f) => f.ruleId === id);
const failures = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('internal/'));

function ms(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** A task definition whose one container runs privileged; `extra` is spliced into the container as raw JSON. */
function privilegedTask(extra = ''): string {
  return `{"family":"x","containerDefinitions":[{"name":"a","image":"nginx:1","privileged":true${extra ? `,${extra}` : ''}}]}`;
}

function tf(body: string): string {
  return `resource "aws_ecs_task_definition" "web" {\n  family = "x"\n${body}\n}\n`;
}

describe('hostile inputs: values nested too deep', () => {
  const tooDeep = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'json/syntax-error' && /nests deeper than 256/.test(f.message));

  it('a task definition: the deep value is reported where it is and the privileged container still is', () => {
    const text = privilegedTask(`"dockerLabels":{"x":${deep(300)}}`);
    const r = lint(text, { fileName: 'taskdef.json' });
    assert.equal(r.kind, 'task-definition');
    assert.ok(has(r.findings, 'task/no-privileged'), ids(r.findings).join());
    const d = tooDeep(r.findings);
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'error');
    let depth = 0, at = -1;
    for (let i = 0; i < text.length && at < 0; i++) if ('{['.includes(text[i]) && ++depth === 257) at = i;
    assert.equal(d[0].offset, at, 'at the first bracket past the limit');
  });

  it('a CloudFormation JSON template is still detected and linted', () => {
    const text = JSON.stringify({ Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'a', Image: 'x', Privileged: true, DockerLabels: { x: 'DEEP' } }] } } } }).replace('"DEEP"', deep(300));
    const r = lint(text, { fileName: 'template.json' });
    assert.equal(r.kind, 'cloudformation');
    assert.ok(has(r.findings, 'task/no-privileged'));
    assert.equal(tooDeep(r.findings).length, 1);
  });

  it('a CloudFormation YAML template with a deep flow value', () => {
    const text = `Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Image: x\n          Privileged: true\n          DockerLabels:\n            x: ${deep(300)}\n`;
    const r = lint(text, { fileName: 'template.yaml' });
    assert.ok(has(r.findings, 'task/no-privileged'), ids(r.findings).join());
    assert.equal(tooDeep(r.findings).length, 1);
  });

  it('Terraform jsonencode', () => {
    const r = lint(tf(`  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true, dockerLabels = { x = ${deep(300)} } }])`), { fileName: 'main.tf' });
    assert.ok(has(r.findings, 'task/no-privileged'), ids(r.findings).join());
    assert.equal(tooDeep(r.findings).length, 1);
  });

  it('Terraform heredoc holding 2,000-deep JSON', () => {
    const text = tf(`  container_definitions = <<EOF\n[{"name": "a", "image": "x", "privileged": true, "dockerLabels": {"x": ${deep(2000)}}}]\nEOF`);
    const r = lint(text, { fileName: 'main.tf' });
    assert.deepEqual(failures(r.findings), []);
    assert.ok(has(r.findings, 'task/no-privileged'), ids(r.findings).join());
    const d = tooDeep(r.findings);
    assert.equal(d.length, 1);
    assert.equal(text[d[0].offset], '[', 'points at the bracket in the heredoc');
  });

  it('10,000 unclosed braces after a key: fixes are computed on the parsed text, not formatted forever (found by fuzzing)', () => {
    const text = `[{"name": "a", "image": "x", "privileged": true, "logConfiguration": {"options": {"prefix"${'{{'.repeat(5000)}`;
    const t = ms(() => {
      const r = lint(text, { kind: 'container-definitions' });
      assert.ok(has(r.findings, 'task/no-privileged'));
      for (const f of r.findings) for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.offset + e.length <= text.indexOf('{{'.repeat(200)), 'no fix edits the blanked part');
    });
    assert.ok(t < 3000, `${t.toFixed(0)} ms`);
  });

  it('a CloudFormation template cut inside a string of 3,500 braces: no fix formatting stall (found by fuzzing)', () => {
    const text = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'a', Image: 'x', Privileged: true }, { Name: 'b', Image: 'PLACE' }] } } } }, null, 2);
    const cut = text.slice(0, text.indexOf('PLACE')) + '{{'.repeat(1750);
    let r: ReturnType<typeof lint> | undefined;
    const t = ms(() => { r = lint(cut, { fileName: 'template.json' }); });
    assert.ok(has(r!.findings, 'task/no-privileged') && has(r!.findings, 'json/syntax-error'), ids(r!.findings).join());
    assert.ok(r!.findings.every((f) => !f.fixes?.length), 'no fixes on a broken template');
    assert.ok(t < 3000, `${t.toFixed(0)} ms (was 50 s)`);
  });

  it('100,000-deep JSON fails closed (a finding, no exception)', () => {
    const r = lint(`{"containerDefinitions":${deep(100_000)}}`, { kind: 'task-definition' });
    assert.ok(tooDeep(r.findings).length >= 1);
  });
});

describe('hostile inputs: what once threw', () => {
  it('a <<- heredoc of 150,000 lines', () => {
    const lines = Array.from({ length: 150_000 }, () => '    x').join('\n');
    const r = lint(tf(`  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true }])\n  description = <<-EOT\n${lines}\n  EOT`), { fileName: 'main.tf' });
    assert.deepEqual(failures(r.findings), []);
    assert.ok(has(r.findings, 'task/no-privileged'));
  });

  it('an engine failure is an internal/not-linted error, never a silent empty result', () => {
    // A rule that throws stands in for any failure inside a rule or host adapter.
    const r = lint(privilegedTask(), { fileName: 'taskdef.json', ruleOptions: { 'task/no-plaintext-secrets': { secretNamePatterns: 42 as unknown as string[] } } });
    assert.deepEqual(failures(r.findings), [], 'a wrong option type is ignored, not a crash');
    const { Engine } = require('../../rules') as typeof import('../../rules');
    const boom = new Engine([{ meta: { id: 'x/boom', kinds: ['task-definition'], defaultSeverity: 'error', description: '', references: [], fixable: false }, check: () => { throw new Error('boom'); } }]);
    const out = boom.lint(privilegedTask(), { fileName: 'taskdef.json' });
    assert.equal(out.findings[0].ruleId, 'internal/rule-error');
    assert.equal(out.findings[0].severity, 'error');
  });
});

describe('hostile inputs: Object.prototype names as keys', () => {
  const NAMES = Object.getOwnPropertyNames(Object.prototype);
  const check = (label: string, text: string, opts: LintOptions) => {
    const r = lint(text, opts);
    assert.deepEqual(failures(r.findings).map((f) => f.message), [], `${label}`);
    for (const f of r.findings) assert.doesNotMatch(f.message, /native code|\[object |function /, `${label}: ${f.message}`);
    return r;
  };

  for (const name of NAMES) {
    it(`"${name}" in every key position the hosts read`, () => {
      const q = JSON.stringify(name);
      // Container keys, environment names, capability and security-option values, labels, log options.
      const container = `{"name":${q},"image":"x","privileged":true,${q}:1,"environment":[{"name":${q},"value":"v"}],"linuxParameters":{"capabilities":{"add":[${q}]}},"dockerSecurityOptions":[${q}],"dockerLabels":{${q}:"x"},"logConfiguration":{"logDriver":${q},"options":{${q}:"x"}}}`;
      const task = `{"family":${q},${q}:1,"networkMode":${q},"containerDefinitions":[${container}]}`;
      const r = check('task definition', task, { kind: 'task-definition' });
      assert.ok(has(r.findings, 'task/no-privileged'));
      check('policy', `{"Version":"2012-10-17","Statement":[{${q}:1,"Effect":"Allow","Action":${q},"Resource":"*","Condition":{${q}:{${q}:"x"}}}]}`, { kind: 'identity-policy' });
      check('ecs.config', `${name}=1\nECS_${name}=true\n`, { kind: 'agent-config' });
      const cfn = `{"Resources":{${q}:{"Type":"AWS::ECS::TaskDefinition","Properties":{${q}:1,"ContainerDefinitions":[{"Name":"a","Image":"x","Privileged":true,${q}:{${q}:1}}]}},"R":{"Type":"AWS::IAM::Role","Properties":{${q}:1,"AssumeRolePolicyDocument":{"Statement":[{${q}:1}]}}}}}`;
      assert.ok(has(check('CloudFormation JSON', cfn, { fileName: 't.json' }).findings, 'task/no-privileged'));
      const yaml = `Resources:\n  ${name}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ${name}: 1\n      ContainerDefinitions:\n        - Name: a\n          Image: x\n          Privileged: true\n          ${name}: 1\n`;
      assert.ok(has(check('CloudFormation YAML', yaml, { fileName: 't.yaml' }).findings, 'task/no-privileged'));
      const hclName = /^[A-Za-z_]\w*$/.test(name) ? name : JSON.stringify(name);
      const hcl = `resource "aws_ecs_task_definition" "${name}" {\n  ${/^[A-Za-z_]/.test(name) ? name : 'x'} = 1\n  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true, ${hclName} = 1 }])\n  volume {\n    ${/^[A-Za-z_]/.test(name) ? name : 'x'} = 1\n  }\n}\nresource "aws_ecs_service" "s" {\n  network_configuration {\n    ${/^[A-Za-z_]/.test(name) ? name : 'x'} = true\n  }\n}\n`;
      assert.ok(has(check('Terraform', hcl, { fileName: 'main.tf' }).findings, 'task/no-privileged'));
    });
  }

  it('condition operators named like Object.prototype members are unknown', () => {
    for (const op of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = lint(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [op]: { 'aws:username': 'a' } } }] }), { kind: 'identity-policy' });
      assert.ok(has(r.findings, 'iam/condition-operator'), `${op}: ${ids(r.findings).join()}`);
    }
  });
});

describe('hostile inputs: encodings and line ends', () => {
  it('a UTF-8 BOM adds no syntax error to JSON and keeps offsets', () => {
    const text = '\ufeff' + privilegedTask();
    const r = lint(text, { fileName: 'taskdef.json' });
    assert.ok(!has(r.findings, 'json/syntax-error'), ids(r.findings).join());
    const f = r.findings.find((x) => x.ruleId === 'task/no-privileged')!;
    assert.equal(text.slice(f.offset, f.offset + f.length), '"privileged":true');
  });

  it('a UTF-8 BOM does not lose the first Terraform resource', () => {
    const r = lint('\ufeff' + tf('  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true }])'), { fileName: 'main.tf' });
    assert.ok(has(r.findings, 'task/no-privileged'), ids(r.findings).join());
  });

  it('CR-only line ends lint like LF (Terraform, YAML, ecs.config)', () => {
    const t = tf('  container_definitions = jsonencode([{ name = "a", image = "x", privileged = true }])');
    const lf = lint(t, { fileName: 'main.tf' });
    const cr = lint(t.replace(/\n/g, '\r'), { fileName: 'main.tf' });
    assert.ok(has(cr.findings, 'task/no-privileged'));
    assert.deepEqual(ids(cr.findings), ids(lf.findings));
    const y = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Privileged: true\n';
    assert.deepEqual(ids(lint(y.replace(/\n/g, '\r'), { fileName: 't.yaml' }).findings), ids(lint(y, { fileName: 't.yaml' }).findings));
    const agent = 'ECS_ENABLE_TASK_IAM_ROLE=false\nECS_SELINUX_CAPABLE=false\n';
    assert.deepEqual(ids(lint(agent.replace(/\n/g, '\r'), { fileName: 'ecs.config' }).findings), ids(lint(agent, { fileName: 'ecs.config' }).findings));
  });
});

describe('hostile inputs: fixes on broken documents', () => {
  it('a valid minified template whose container holds 20,000 brackets on one line: fixes stay cheap and valid (13.9 s before)', () => {
    const c = { Name: 'a', Image: 'nginx', Privileged: true, Command: Array.from({ length: 20_000 }, () => []) };
    const tpl = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { TD: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [c] } } } });
    let r: ReturnType<typeof lint> | undefined;
    const t = ms(() => { r = lint(tpl, { fileName: 'stack.json' }); });
    assert.ok(t < 5000, `${t.toFixed(0)} ms`);
    const priv = r!.findings.find((f) => f.ruleId === 'task/no-privileged');
    assert.ok(priv?.fixes?.length, 'the privileged fix is still offered');
    const fixed = JSON.parse(applyEdits(tpl, priv!.fixes![0].edits));
    assert.equal(fixed.Resources.TD.Properties.ContainerDefinitions[0].Privileged, undefined);
    assert.equal(fixed.Resources.TD.Properties.ContainerDefinitions[0].Command.length, 20_000);
  });
  it('a template with a syntax error and a deep value computes no deployment-rule fixes (found by the 1M fuzz run: 194 s)', () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const tpl = `\ufeff{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Repo":{"Type":"AWS::ECR::Repository","Properties":{"ImageTagMutability":${deep}}},"X":{"Type":"AWS::ECR::Repository","Properties":{}}`;
    const cut = tpl.slice(0, tpl.length - 2); // truncated: a syntax error after the repositories
    let r: ReturnType<typeof lint> | undefined;
    const t = ms(() => { r = lint(cut, { fileName: 'stack.json' }); });
    assert.ok(t < 3000, `${t.toFixed(0)} ms`);
    assert.equal(r!.kind, 'cloudformation');
    const scan = r!.findings.filter((f) => f.ruleId === 'ecr/scan-on-push');
    assert.ok(scan.length >= 1, r!.findings.map((f) => f.ruleId).join());
    assert.ok(scan.every((f) => !f.fixes), 'no fixes on a broken template');
    // The same repository in a well-formed template still gets its safe fix.
    const ok = lint('{"Resources":{"X":{"Type":"AWS::ECR::Repository","Properties":{}}}}', { fileName: 'stack.json' }).findings.find((f) => f.ruleId === 'ecr/scan-on-push');
    assert.ok(ok?.fixes?.length, 'fix offered on a clean template');
  });

  it('no fix edits inside a string left open by a truncation', () => {
    const full = JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx:1', privileged: true, user: 'root', environment: [{ name: 'A', value: 'hello world' }] }] }, null, 2);
    let offered = 0;
    for (let i = 1; i < full.length; i++) {
      const t = full.slice(0, i);
      for (const f of lint(t, { fileName: 'taskdef.json' }).findings) {
        for (const fix of f.fixes ?? []) {
          offered++;
          const at = Math.min(...fix.edits.map((e) => e.offset));
          let inString = false;
          for (let k = 0; k < at; k++) { if (t[k] === '\\') k++; else if (t[k] === '"') inString = !inString; }
          assert.ok(!inString, `cut at ${i}: ${f.ruleId} "${fix.title}" edits inside an open string`);
        }
      }
    }
    assert.ok(offered > 100, 'fixes before the cut are still offered');
  });

  it('iam/strict-json still repairs the error itself (verified by re-parsing)', () => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": 'Allow', "Action": "s3:GetObject", "Resource": "*"}]}`;
    const f = lint(text, { kind: 'identity-policy' }).findings.find((x) => x.ruleId === 'iam/strict-json' && x.fixes?.length);
    assert.ok(f, 'strict-json offers its fix');
    assert.doesNotThrow(() => JSON.parse(applyEdits(text, f!.fixes![0].edits)));
  });
});

describe('hostile inputs: bounded messages', () => {
  it('a 5 MB container name is not repeated in full in any message', () => {
    const name = 'n'.repeat(5_000_000);
    const text = JSON.stringify({ family: 'x', containerDefinitions: [{ name, image: 'nginx:latest', privileged: true, user: 'root', environment: [{ name: 'PASSWORD', value: 'hunter2hunter2' }] }] });
    const r = lint(text, { fileName: 'taskdef.json' });
    assert.ok(r.findings.length >= 4);
    for (const f of r.findings) assert.ok(f.message.length <= MAX_MESSAGE + 1, `${f.ruleId}: ${f.message.length} characters`);
  });

  it('capMessage leaves ordinary messages alone and shortens quoted runs of long ones', () => {
    const m = 'Principal "111122223333" means the root user; use "Principal": "*" with a condition.';
    assert.equal(capMessage(m), m);
    const long = `container "${'x'.repeat(600)}" runs privileged`;
    assert.equal(capMessage(long), `container "${'x'.repeat(100)}…" runs privileged`);
  });
});

describe('hostile inputs: regular expressions on user text stay linear', () => {
  // Worst characters per regex family: repeated openers without closers, long runs of one class, separators.
  const WORST = ['${', '{{', '$(', '%(', '#{', '<', '__A', 'A', 'a', '-', ':', '/', '*', '?', ' ', '\\', '"', 'arn:aws:', 'eyJ', 'xox', '@', '://a:', '0', '.'];

  it('PLACEHOLDER on 160 KB and 320 KB of each opener: linear (ratio) and fast', () => {
    for (const opener of ['${', '{{', '$(', '%(', '#{', '<', '__A']) {
      // Best of three: a GC pause on a loaded machine is not quadratic behaviour.
      const best = (fn: () => void) => Math.min(ms(fn), ms(fn), ms(fn));
      const t1 = best(() => PLACEHOLDER.test(opener.repeat(80_000 / opener.length * 2)));
      const t2 = best(() => PLACEHOLDER.test(opener.repeat(160_000 / opener.length * 2)));
      assert.ok(t2 < 500, `${opener}: ${t2.toFixed(0)} ms on 320 KB`);
      assert.ok(t2 < Math.max(50, t1 * 6), `${opener}: ${t1.toFixed(1)} ms -> ${t2.toFixed(1)} ms when doubled (quadratic?)`);
    }
  });

  it('an environment value and a secret valueFrom of 320 KB of repeated openers lint in well under a second each', () => {
    for (const opener of ['${', '{{', '$(']) {
      const v = opener.repeat(160_000);
      const text = JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'x', environment: [{ name: 'DB_PASSWORD', value: v }], secrets: [{ name: 'S', valueFrom: v }] }] });
      const t = ms(() => lint(text, { kind: 'task-definition' }));
      assert.ok(t < 3000, `${opener}: ${t.toFixed(0)} ms`);
    }
  });

  it('100 KB of each worst string in every value position of every kind', function () {
    this.timeout(120_000);
    for (const w of WORST) {
      const v = w.repeat(Math.ceil(100_000 / w.length));
      const q = JSON.stringify(v);
      const docs: [string, LintOptions][] = [
        [`{"family":${q},"taskRoleArn":${q},"executionRoleArn":${q},"networkMode":${q},"containerDefinitions":[{"name":${q},"image":${q},"user":${q},"command":[${q}],"environment":[{"name":${q},"value":${q}}],"secrets":[{"name":"S","valueFrom":${q}}],"repositoryCredentials":{"credentialsParameter":${q}},"portMappings":[{"containerPort":22,"hostPort":22}],"mountPoints":[{"sourceVolume":${q},"containerPath":${q}}],"linuxParameters":{"capabilities":{"add":[${q}]}},"dockerSecurityOptions":[${q}],"logConfiguration":{"logDriver":${q},"options":{${q}:${q}}}}],"volumes":[{"name":${q},"host":{"sourcePath":${q}}}]}`, { kind: 'task-definition' }],
        [`{"serviceName":${q},"cluster":${q},"taskDefinition":${q},"launchType":${q},"platformVersion":${q},"networkConfiguration":{"awsvpcConfiguration":{"assignPublicIp":${q}}}}`, { kind: 'service-definition' }],
        [`{"Version":${q},"Statement":[{"Sid":${q},"Effect":"Allow","Action":[${q}],"Resource":[${q}],"Principal":{"AWS":${q}},"Condition":{${q}:{${q}:${q}},"StringEquals":{${q}:${q}}}}]}`, { kind: 'identity-policy' }],
        [`{"Statement":[{"Effect":"Allow","Action":[${q}],"Principal":{"Service":${q}},"Condition":{"StringEquals":{"aws:SourceArn":${q}}}}]}`, { kind: 'trust-policy' }],
        [`{"Statement":[{"Effect":"Allow","Action":[${q}],"Principal":${q},"Resource":${q}}]}`, { kind: 'endpoint-policy' }],
        [`ECS_ENGINE_AUTH_DATA=${v}\n${v}=${v}\nECS_CLUSTER=${v}\nHTTP_PROXY=${v}\n`, { kind: 'agent-config' }],
        [`Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: ${q}\n      ContainerDefinitions:\n        - Name: ${q}\n          Image: ${q}\n          Environment:\n            - Name: ${q}\n              Value: !Sub ${q}\n`, { fileName: 't.yaml' }],
        [tf(`  container_definitions = jsonencode([{ name = ${q}, image = ${q}, environment = [{ name = ${q}, value = ${q} }] }])\n  network_mode = ${q}`), { fileName: 'main.tf' }],
      ];
      for (const [text, opts] of docs) {
        const t = ms(() => {
          const r = lint(text, opts);
          assert.deepEqual(failures(r.findings).map((f) => f.message.slice(0, 200)), [], `${JSON.stringify(w)} in ${opts.kind ?? opts.fileName}`);
        });
        assert.ok(t < 5000, `${JSON.stringify(w)} in ${opts.kind ?? opts.fileName}: ${t.toFixed(0)} ms`);
      }
    }
  });
});

describe('hostile inputs: IAM matching and suggestions', () => {
  it('an 8 KB Resource does not overflow the stack in resource matching', () => {
    const r = lint(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'ecs:RunTask'], Resource: 'arn:aws:s3:::' + 'a*'.repeat(4000) }] }), { kind: 'identity-policy' });
    assert.deepEqual(failures(r.findings), []);
  });

  it('thousands of unknown actions: suggestions stay cheap', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: 5000 }, (_, i) => `ecs:Fooo${i}`), Resource: '*' }] });
    let r: ReturnType<typeof lint> | undefined;
    const t = ms(() => { r = lint(text, { kind: 'identity-policy' }); });
    assert.equal(r!.findings.filter((f) => f.ruleId === 'iam/unknown-action').length, 5000, 'every one is still reported');
    assert.ok(t < 5000, `${t.toFixed(0)} ms`);
  });

  it('a 480 KB condition operator: no unbounded edit distance', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { ['StringEq' + 'x'.repeat(480_000)]: { 'aws:username': 'a' } } }] });
    let r: ReturnType<typeof lint> | undefined;
    const t = ms(() => { r = lint(text, { kind: 'identity-policy' }); });
    assert.ok(has(r!.findings, 'iam/condition-operator'));
    assert.ok(t < 3000, `${t.toFixed(0)} ms`);
  });
});
