// CloudFormation hosts: the shared case table rendered as raw JSON, CloudFormation JSON and YAML must give the same
// rule ids, with ranges on the host's own keys and values, and fixes that edit the host file.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, parseDocument, stringify as yamlStringify } from 'yaml';
import { applyEdits, type Finding } from '../../rules';
import { ECS_NAMES } from '../../rules/hosts/cfn-names';
import { VERBATIM, toHostKeys } from '../../rules/hosts/tree';
import { diffValues } from '../../rules/hosts/fix';
import { parseHost } from '../../rules/hosts';
import { parseHcl } from '../../rules/hosts/hcl/parser';
import { hostNames } from '../../rules/hosts/lint';
import { flagged, lint } from '../helpers';
import { HOST_CASES, type HostCase } from './hosts-cases';

function resource(c: HostCase): Record<string, unknown> {
  switch (c.kind) {
    case 'task-definition': return { Type: 'AWS::ECS::TaskDefinition', Properties: toHostKeys(c.doc, ECS_NAMES) };
    case 'service-definition': return { Type: 'AWS::ECS::Service', Properties: toHostKeys(c.doc, ECS_NAMES) };
    case 'identity-policy': return { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: c.doc } };
    case 'trust-policy': return { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: c.doc } };
    case 'endpoint-policy': return { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: 'vpc-12345678', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', PolicyDocument: c.doc } };
    case 'ecr-repository-policy': return { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'web', ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true }, RepositoryPolicyText: c.doc } };
    default: throw new Error(`no CloudFormation resource for ${c.kind}`);
  }
}

function template(c: HostCase) {
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: { Res: resource(c) } };
}

const KEY = /^[A-Za-z_][\w-]*$/;
/** A value in HCL syntax (multi-line objects and tuples of objects, like hand-written Terraform). */
function hcl(v: unknown, indent = ''): string {
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => hcl(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + hcl(x, inner) + ',').join('\n')}\n${indent}]`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${KEY.test(k) ? k : JSON.stringify(k)} = ${hcl(x, inner)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

function terraform(c: HostCase): string {
  const d = c.doc as Record<string, any>;
  const attrs = (o: Record<string, unknown>, skip: string[]) => Object.entries(o).filter(([k, v]) => !skip.includes(k) && v !== undefined)
    .map(([k, v]) => `  ${snake(k)} = ${hcl(v, '  ')}`).join('\n');
  switch (c.kind) {
    case 'task-definition': {
      const volumes = (d.volumes ?? []).map((v: any) => `  volume {\n    name = ${JSON.stringify(v.name)}\n    efs_volume_configuration {\n${Object.entries(v.efsVolumeConfiguration).map(([k, x]) => `      ${snake(k)} = ${JSON.stringify(x)}`).join('\n')}\n    }\n  }`).join('\n');
      return `resource "aws_ecs_task_definition" "res" {\n${attrs(d, ['containerDefinitions', 'volumes'])}\n  container_definitions = jsonencode(${hcl(d.containerDefinitions, '  ')})\n${volumes}\n}\n`;
    }
    case 'service-definition': {
      const { networkConfiguration, serviceName, ...rest } = d;
      const a = networkConfiguration.awsvpcConfiguration;
      return `resource "aws_ecs_service" "res" {\n  name = ${JSON.stringify(serviceName)}\n${attrs(rest, [])}\n  network_configuration {\n    subnets = ${hcl(a.subnets)}\n    security_groups = ${hcl(a.securityGroups)}\n    assign_public_ip = ${a.assignPublicIp === 'ENABLED'}\n  }\n}\n`;
    }
    case 'identity-policy': return `resource "aws_iam_policy" "res" {\n  name = "res"\n  policy = jsonencode(${hcl(d, '  ')})\n}\n`;
    case 'trust-policy': return `resource "aws_iam_role" "res" {\n  name = "res"\n  assume_role_policy = jsonencode(${hcl(d, '  ')})\n}\n`;
    case 'endpoint-policy': return `resource "aws_vpc_endpoint" "res" {\n  vpc_id = var.vpc_id\n  service_name = "com.amazonaws.us-east-1.ecr.dkr"\n  policy = jsonencode(${hcl(d, '  ')})\n}\n`;
    case 'ecr-repository-policy': return `resource "aws_ecr_repository_policy" "res" {\n  repository = aws_ecr_repository.web.name\n  policy = jsonencode(${hcl(d, '  ')})\n}\n`;
    default: throw new Error(`no Terraform resource for ${c.kind}`);
  }
}

interface Rendering { name: string; text: string; fileName: string; parses(text: string): boolean; kind: string; label: string; tf?: boolean }

const renderings = (c: HostCase): Rendering[] => [
  { name: 'CloudFormation JSON', text: JSON.stringify(template(c), null, 2), fileName: 'stack.template.json', kind: 'cloudformation', label: 'Res: ', parses: (t) => { try { JSON.parse(t); return true; } catch { return false; } } },
  { name: 'CloudFormation YAML', text: yamlStringify(template(c)), fileName: 'stack.yaml', kind: 'cloudformation', label: 'Res: ', parses: (t) => parseDocument(t, { logLevel: 'error' }).errors.length === 0 },
  { name: 'Terraform', text: terraform(c), fileName: 'main.tf', kind: 'terraform', label: '.res: ', tf: true, parses: (t) => parseHcl(t).errors.length === 0 },
];

const ids = (fs: Finding[]) => [...new Set(fs.map((f) => f.ruleId))].sort();
const norm = (s: string) => s.replace(/["']/g, '').toLowerCase();

describe('hosts: shared cases in raw JSON, CloudFormation and Terraform', () => {
  for (const c of HOST_CASES) {
    const raw = lint(JSON.stringify(c.doc, null, 2), { kind: c.kind });
    describe(c.name, () => {
      it('raw JSON has the expected findings', () => {
        for (const e of c.expect) assert.ok(ids(raw.findings).includes(e.rule), `${e.rule} missing from ${ids(raw.findings)}`);
        if (c.expect.length === 0) assert.deepEqual(raw.findings, []);
      });
      for (const r of renderings(c)) {
        it(`${r.name}: same rule ids, ranges on the host's key or value`, () => {
          const res = lint(r.text, { fileName: r.fileName });
          assert.equal(res.kind, r.kind);
          assert.deepEqual(ids(res.findings), ids(raw.findings));
          for (const e of c.expect) {
            const f = res.findings.find((x) => x.ruleId === e.rule)!;
            const shown = flagged(r.text, f);
            const at = (r.tf && e.tfAt) || e.at;
            assert.ok(norm(shown).includes(norm(at)) && shown.length < 120, `${e.rule} points at ${JSON.stringify(shown)}`);
            assert.ok(f.message.includes(r.label), f.message);
          }
        });
        for (const rule of c.fix ?? []) {
          it(`${r.name}: the ${rule} fix edits the host and removes the finding`, () => {
            const f = lint(r.text, { fileName: r.fileName }).findings.find((x) => x.ruleId === rule)!;
            if (r.tf && c.noTfFix?.includes(rule)) {
              assert.equal(f.fixes, undefined);
              return;
            }
            assert.ok(f.fixes?.length, `no fix for ${rule}`);
            const out = applyEdits(r.text, f.fixes[0].edits);
            assert.ok(r.parses(out), out);
            const after = lint(out, { fileName: r.fileName });
            assert.equal(after.kind, r.kind);
            assert.equal(after.findings.filter((x) => x.ruleId === rule).length, 0, out);
          });
        }
      }
    });
  }
});

const YAML_TASK = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
  ReadOnly:
    Type: String
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web   # the app
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:1.4.2"
          Privileged: true
          ReadonlyRootFilesystem: !Ref ReadOnly
          User: "1000"
          LinuxParameters:
            Capabilities:
              Drop: [ALL]
          Environment:
            - Name: DB_HOST
              Value: !GetAtt Db.Endpoint.Address
            - Name: DB_PASSWORD_REF
              Value: !Ref DbPassword
            - Name: DB_SECRET
              Value: !Sub "\${DbSecretArn}"
`;

describe('hosts: CloudFormation YAML specifics', () => {
  const res = lint(YAML_TASK, { fileName: 'stack.yaml' });
  const of = (id: string) => res.findings.filter((f) => f.ruleId === id);

  it('never flags intrinsic values: !Ref, !GetAtt and !Sub placeholders are unknown', () => {
    assert.equal(of('task/readonly-root-filesystem').length, 0);
    assert.deepEqual(of('task/no-plaintext-secrets').map((f) => flagged(YAML_TASK, f)), ['!Ref DbPassword']);
  });

  it('flags an environment value that references a NoEcho parameter, on the !Ref', () => {
    const [f] = of('task/no-plaintext-secrets');
    assert.match(f.message, /NoEcho parameter "DbPassword"/);
    assert.equal(f.severity, 'error');
    const off = lint(YAML_TASK, { fileName: 'stack.yaml', ruleSettings: { 'task/no-plaintext-secrets': 'off' } });
    assert.equal(off.findings.filter((x) => x.ruleId === 'task/no-plaintext-secrets').length, 0);
  });

  it('quotes the template\'s property names in messages', () => {
    const [f] = of('task/no-privileged');
    assert.equal(flagged(YAML_TASK, f), 'Privileged: true');
    assert.match(f.message, /^TaskDef: /);
  });

  it('removes a property line and keeps the comment, the other lines and their indentation', () => {
    const [f] = of('task/no-privileged');
    const out = applyEdits(YAML_TASK, f.fixes![0].edits);
    assert.equal(out, YAML_TASK.replace('          Privileged: true\n', ''));
  });

  it('inserts a property at the block map\'s indentation', () => {
    const text = YAML_TASK.replace('          Privileged: true\n', '').replace('          User: "1000"\n', '');
    const f = lint(text, { fileName: 'stack.yaml' }).findings.find((x) => x.ruleId === 'task/non-root-user')!;
    const out = applyEdits(text, f.fixes![0].edits);
    assert.equal(out, text.replace('              Value: !Sub "${DbSecretArn}"\n', '              Value: !Sub "${DbSecretArn}"\n          User: "1000:1000"\n'));
  });

  it('appends to a flow sequence', () => {
    const text = YAML_TASK.replace('Drop: [ALL]', 'Drop: [NET_RAW]');
    const f = lint(text, { fileName: 'stack.yaml' }).findings.find((x) => x.ruleId === 'task/drop-all-capabilities');
    assert.ok(f?.fixes, 'a drop-all fix');
    const out = applyEdits(text, f.fixes[0].edits);
    assert.deepEqual(parseYaml(out, { logLevel: 'error' }).Resources.TaskDef.Properties.ContainerDefinitions[0].LinuxParameters.Capabilities.Drop.includes('ALL'), true);
  });

  it('a YAML syntax error is one finding and never throws', () => {
    const bad = YAML_TASK.replace('      Family: web\n', '      Family: [web\n');
    const r = lint(bad, { fileName: 'stack.yaml' });
    assert.equal(r.findings.filter((f) => f.ruleId === 'json/syntax-error').length, 1);
  });

  it('does not treat other YAML (Kubernetes, GitHub workflows) as CloudFormation', () => {
    assert.equal(lint('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', { fileName: 'pod.yaml' }).kind, 'unknown');
    assert.equal(lint('on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n', { fileName: 'ci.yml' }).kind, 'unknown');
  });
});

describe('hosts: CloudFormation JSON specifics', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts');

  it('long-form intrinsics are unknown, string booleans are converted, NoEcho references are plain text', () => {
    const text = readFileSync(join(dir, 'intrinsics.template.json'), 'utf8');
    const r = lint(text, { fileName: 'intrinsics.template.json' });
    // Fn::Join / Fn::Sub role ARNs are not malformed, "true"/"false" strings are booleans, Fn::Sub values are templated
    // except for their literal parts (the image's ":latest").
    assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${flagged(text, f)}`), [
      'task/image-pinned { "Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:latest" }',
      'task/no-plaintext-secrets { "Ref": "DbPassword" }',
    ]);
    const writable = text.replace('"ReadonlyRootFilesystem": "true"', '"ReadonlyRootFilesystem": "false"');
    const f = lint(writable, { fileName: 'intrinsics.template.json' }).findings.find((x) => x.ruleId === 'task/readonly-root-filesystem')!;
    assert.equal(flagged(writable, f), '"ReadonlyRootFilesystem": "false"');
    assert.equal(applyEdits(writable, f.fixes![0].edits), writable.replace('"ReadonlyRootFilesystem": "false"', '"ReadonlyRootFilesystem": true'));
  });

  it('is recognised by a Resources map of AWS:: types without AWSTemplateFormatVersion', () => {
    const text = JSON.stringify({ Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } } } });
    assert.equal(lint(text, { fileName: 'cdk.out/Stack.template.json' }).kind, 'cloudformation');
    assert.equal(lint(JSON.stringify({ Resources: { P: { Type: 'Something' } } }), { fileName: 'x.json' }).kind, 'unknown');
  });
});

describe('hosts: robustness', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts');
  for (const [file, name] of [['cdk-fargate.template.json', 'x.template.json'], ['service.yaml', 'x.yaml'], ['ecs-module.tf', 'x.tf']]) {
    it(`${file} cut at 40 points: never throws, no rule errors, ranges inside the text`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const variants = Array.from({ length: 40 }, (_, i) => text.slice(0, Math.floor((text.length * (i + 1)) / 41)));
      variants.push(text.replace(/: /g, ':'), text.replace(/\n {2}/g, '\n'), text.replace(/[{}]/g, ''));
      for (const v of variants) {
        const r = lint(v, { fileName: name, kind: name.endsWith('.tf') ? 'terraform' : 'cloudformation' });
        for (const f of r.findings) {
          assert.notEqual(f.ruleId, 'internal/rule-error', f.message);
          assert.ok(f.offset >= 0 && f.offset + f.length <= v.length, `${f.ruleId} out of range`);
        }
      }
    });
  }
});

describe('hosts: structural diff', () => {
  it('reports set, add, remove and single insertions/removals in arrays', () => {
    assert.deepEqual(diffValues({ a: 1, b: [1, 2, 3] }, { a: 2, b: [1, 3], c: true }), [
      { op: 'set', path: ['a'], value: 2 },
      { op: 'remove', path: ['b', 1] },
      { op: 'add', path: [], key: 'c', value: true },
    ]);
    assert.deepEqual(diffValues([{ x: 1 }], [{ x: 1 }, { y: 2 }]), [{ op: 'insert', path: [], index: 1, value: { y: 2 } }]);
  });

  it('maps names both ways, keeping free-form maps verbatim', () => {
    const host = toHostKeys({ efsVolumeConfiguration: { fileSystemId: 'fs-1' }, logConfiguration: { options: { 'awslogs-group': 'g' } } }, ECS_NAMES);
    assert.deepEqual(host, { EFSVolumeConfiguration: { FilesystemId: 'fs-1' }, LogConfiguration: { Options: { 'awslogs-group': 'g' } } });
    assert.deepEqual(toHostKeys({ Statement: [] }, VERBATIM), { Statement: [] });
  });
});

describe('hosts: realistic templates have no wrong findings', () => {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hosts');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const kindsOf = (text: string, kind: 'cloudformation' | 'terraform') => parseHost(text, kind).docs.map((d) => `${d.label} ${d.kind}`);

  // Each template is clean: every document is found and linted (the mutation proves it), and nothing is flagged.
  it('CDK-synthesised Fargate service (Fn::GetAtt, Fn::Join, Ref)', () => {
    const text = read('cdk-fargate.template.json');
    // Resources with CDK metadata are labelled by their construct path (what a CDK user edits).
    assert.deepEqual(kindsOf(text, 'cloudformation'), [
      'App/Web/TaskDef/TaskRole trust-policy', 'WebTaskDef8A2B1C3D task-definition',
      'WebTaskDefExecutionRoleDefaultPolicy6C7D8E9F identity-policy', 'WebService9A8B7C6D service-definition',
    ]);
    const r = lint(text, { fileName: 'cdk.out/App.template.json' });
    assert.equal(r.kind, 'cloudformation');
    assert.deepEqual(r.findings, []);
    const bad = text.replace('"ReadonlyRootFilesystem": true', '"ReadonlyRootFilesystem": false').replace('"AssignPublicIp": "DISABLED"', '"AssignPublicIp": "ENABLED"');
    assert.deepEqual(lint(bad, { fileName: 'App.template.json' }).findings.map((f) => `${f.ruleId} ${flagged(bad, f)}`),
      ['task/readonly-root-filesystem "ReadonlyRootFilesystem": false', 'service/no-public-ip "ENABLED"']);
  });

  it('YAML template with parameters, conditions and !Sub / !If / !Split / !ImportValue', () => {
    const text = read('service.yaml');
    assert.deepEqual(kindsOf(text, 'cloudformation'), ['TaskRole trust-policy', 'TaskRole identity-policy', 'TaskDefinition task-definition', 'Service service-definition']);
    const r = lint(text, { fileName: 'service.yaml' });
    assert.equal(r.kind, 'cloudformation');
    assert.deepEqual(r.findings, []);
    const bad = text.replace('          User: "1000:1000"\n', '          Privileged: true\n          User: "1000:1000"\n');
    assert.deepEqual(lint(bad, { fileName: 'service.yaml' }).findings.map((f) => `${f.ruleId} ${flagged(bad, f)}`),
      ['task/fargate-compat Privileged: true', 'task/no-privileged Privileged: true']);
  });

  it('Terraform module (jsonencode, aws_iam_policy_document, dynamic blocks, conditionals)', () => {
    const text = read('ecs-module.tf');
    assert.deepEqual(kindsOf(text, 'terraform'), [
      'data.aws_iam_policy_document.assume trust-policy', 'data.aws_iam_policy_document.execution identity-policy',
      'aws_iam_role.task trust-policy', 'aws_iam_role.task identity-policy',
      'aws_ecs_task_definition.this task-definition', 'aws_ecs_service.this service-definition',
    ]);
    const r = lint(text, { fileName: 'modules/ecs/main.tf' });
    assert.equal(r.kind, 'terraform');
    assert.deepEqual(r.findings, []);
    const bad = text.replace('assign_public_ip = false', 'assign_public_ip = true').replace('actions   = ["ecr:GetAuthorizationToken"]', 'actions   = ["ecr:*"]');
    assert.deepEqual(lint(bad, { fileName: 'main.tf' }).findings.map((f) => `${f.ruleId} ${flagged(bad, f)}`),
      ['iam/wildcard-action "ecr:*"', 'iam/wildcard-resource "*"', 'service/no-public-ip true']);
  });
});

describe('hosts: field names in messages and fix titles', () => {
  it('CloudFormation says PascalCase names and keeps values ("host" stays "host")', () => {
    assert.equal(hostNames('networkMode "host" puts every container on the host', 'yaml'), 'NetworkMode "host" puts every container on the host');
    assert.equal(hostNames('container "app" does not set "user", so it runs as root', 'json'), 'container "app" does not set "User", so it runs as root');
    assert.equal(hostNames('Add "no-new-privileges" to dockerSecurityOptions', 'yaml'), 'Add "no-new-privileges" to DockerSecurityOptions');
  });
  it('Terraform says snake_case for task- and service-level arguments and keeps container fields camelCase', () => {
    assert.equal(hostNames('Set networkMode to "awsvpc"', 'hcl'), 'Set network_mode to "awsvpc"');
    assert.equal(hostNames('Remove "pidMode"', 'hcl'), 'Remove "pid_mode"');
    assert.equal(hostNames('container "app" does not set "readonlyRootFilesystem"', 'hcl'), 'container "app" does not set "readonlyRootFilesystem"');
  });
  it('end to end: a Terraform host network finding names network_mode', () => {
    const tf = 'resource "aws_ecs_task_definition" "web" {\n  family       = "web"\n  network_mode = "host"\n  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])\n}\n';
    const [f] = lint(tf, { fileName: 'main.tf' }).findings.filter((x) => x.ruleId === 'task/no-host-network');
    assert.match(f.message, /^aws_ecs_task_definition\.web: network_mode "host" /);
    assert.equal(f.fixes?.[0].title, 'Set network_mode to "awsvpc"');
  });
});
