// Host files (issue 17): a ~1 MB CloudFormation template of ECS services with their security groups, roles, load
// balancer pieces and repositories, and a 200-resource Terraform module. Lint time in process (with and without the
// whole-template deployment rules), and didChange -> diagnostics through the real server.
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { root, require, stats } from './lib.mjs';
import { versusJson } from './protocol.mjs';

const RUNTIME_WASM = 'tree-sitter.wasm', GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

/** One application unit: ~2.6 KB pretty-printed, 10 resources wired with Ref / GetAtt. */
function unit(i) {
  const id = (s) => `${s}${i}`;
  const ref = (s) => ({ Ref: id(s) });
  const att = (s, a) => ({ 'Fn::GetAtt': [id(s), a] });
  return {
    [id('TaskSG')]: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: `tasks ${i}`, VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: i % 7 ? '10.0.0.0/16' : '0.0.0.0/0' }] } },
    [id('Ingress')]: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: att('TaskSG', 'GroupId'), IpProtocol: 'tcp', FromPort: 9090, ToPort: 9090, SourceSecurityGroupId: { 'Fn::GetAtt': ['LBSG', 'GroupId'] } } },
    [id('TaskRole')]: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:SendMessage'], Resource: '*' }] } }] } },
    [id('ExecRole')]: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }] } },
    [id('Task')]: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: id('app'), NetworkMode: 'awsvpc', RequiresCompatibilities: ['FARGATE'], Cpu: '256', Memory: '512', TaskRoleArn: att('TaskRole', 'Arn'), ExecutionRoleArn: att('ExecRole', 'Arn'), ContainerDefinitions: [{ Name: 'app', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0.' + i }, Essential: true, ReadonlyRootFilesystem: true, User: '1000', PortMappings: [{ ContainerPort: 8080 }], LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': id('app') } } }] } },
    [id('TG')]: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip', VpcId: { Ref: 'Vpc' } } },
    [id('Rule')]: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Listener' }, Priority: i + 1, Conditions: [{ Field: 'path-pattern', Values: [`/${i}/*`] }], Actions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
    [id('Service')]: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: ref('Task'), LaunchType: 'FARGATE', DesiredCount: 2, EnableExecuteCommand: i % 5 === 0, LoadBalancers: [{ TargetGroupArn: ref('TG'), ContainerName: 'app', ContainerPort: 8080 }], NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: [{ Ref: 'Subnet' }], SecurityGroups: [ref('TaskSG')] } } } },
    [id('Repo')]: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: id('app'), ImageTagMutability: i % 3 ? 'IMMUTABLE' : 'MUTABLE', ImageScanningConfiguration: { ScanOnPush: true } } },
    [id('Logs')]: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } },
  };
}

export function largeTemplate(targetBytes = 1_000_000) {
  const resources = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/20' } },
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
    LBSG: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'lb', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] } },
    LB: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: [{ Ref: 'Subnet' }], SecurityGroups: [{ Ref: 'LBSG' }] } },
    Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: 'LB' }, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] } },
  };
  let text = '';
  for (let i = 0; text.length < targetBytes; i++) {
    Object.assign(resources, unit(i));
    if (i % 25 === 24) text = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2);
  }
  return { text, resources: Object.keys(resources).length };
}

/** A Terraform module of `n` resources (task definitions, services, roles, security groups, repositories) in one file. */
export function terraformModule(n = 200) {
  const blocks = [];
  for (let i = 0; blocks.length < n; i++) {
    blocks.push(`resource "aws_security_group" "tasks_${i}" {\n  name   = "tasks-${i}"\n  vpc_id = var.vpc_id\n  ingress {\n    from_port   = 8080\n    to_port     = 8080\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n}\n`);
    blocks.push(`resource "aws_iam_role" "task_${i}" {\n  name = "task-${i}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]\n  })\n}\n`);
    blocks.push(`resource "aws_ecs_task_definition" "app_${i}" {\n  family                   = "app-${i}"\n  network_mode             = "awsvpc"\n  requires_compatibilities = ["FARGATE"]\n  cpu                      = 256\n  memory                   = 512\n  task_role_arn            = aws_iam_role.task_${i}.arn\n  container_definitions = jsonencode([{\n    name      = "app"\n    image     = "\${var.registry}/app:1.0.${i}"\n    essential = true\n    readonlyRootFilesystem = true\n    user      = "1000"\n    portMappings = [{ containerPort = 8080 }]\n    logConfiguration = { logDriver = "awslogs", options = { "awslogs-group" = "app", "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "app-${i}" } }\n  }])\n}\n`);
    blocks.push(`resource "aws_ecs_service" "app_${i}" {\n  name            = "app-${i}"\n  cluster         = var.cluster_arn\n  task_definition = aws_ecs_task_definition.app_${i}.arn\n  launch_type     = "FARGATE"\n  desired_count   = 2\n  network_configuration {\n    subnets          = var.subnets\n    security_groups  = [aws_security_group.tasks_${i}.id]\n    assign_public_ip = false\n  }\n}\n`);
    blocks.push(`resource "aws_ecr_repository" "app_${i}" {\n  name                 = "app-${i}"\n  image_tag_mutability = "IMMUTABLE"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n`);
  }
  return blocks.slice(0, n).join('\n');
}

/** Split a module's blocks into `n` files of consecutive blocks. */
function splitModule(text, n) {
  const blocks = text.split(/\n(?=resource )/);
  const per = Math.ceil(blocks.length / n);
  return Array.from({ length: n }, (_, i) => blocks.slice(i * per, (i + 1) * per).join('\n'));
}

export async function benchHosts() {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
  const out = join(dir, 'engine.cjs');
  // The engine with the Terraform grammar's loader; the grammar's .wasm files are read from beside the bundle, as in dist/.
  await build({
    stdin: { contents: "export * from './rules'; export { loadTerraform } from './config/terraform-grammar';", resolveDir: root, loader: 'ts' },
    outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning',
    alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/tree-sitter.cjs') }, // as scripts/build.mjs
  });
  for (const f of [RUNTIME_WASM, GRAMMAR_WASM]) copyFileSync(join(root, 'dist', f), join(dir, f));
  const { defaultEngine, allRules, loadTerraform } = require(out);
  await loadTerraform();
  rmSync(dir, { recursive: true, force: true });
  const engine = defaultEngine();
  const deploymentIds = allRules.filter((r) => r.meta.kinds.includes('cloudformation')).map((r) => r.meta.id);
  const off = Object.fromEntries(deploymentIds.map((id) => [id, 'off']));

  const cfn = largeTemplate();
  const tf = terraformModule(200);
  const time = (fn, runs) => { fn(); const t = []; for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); } return stats(t); };
  const cfnAll = time(() => engine.lint(cfn.text, { fileName: 'stack.template.json' }), 11);
  const cfnWithout = time(() => engine.lint(cfn.text, { fileName: 'stack.template.json', ruleSettings: off }), 11);
  const findings = engine.lint(cfn.text, { fileName: 'stack.template.json' }).findings;
  // A figure of a lint that failed (no grammar: one internal/rule-error) would be meaningless.
  const failed = (r) => r.findings.find((f) => f.ruleId.startsWith('internal/'));
  const broken = failed(engine.lint(tf, { fileName: 'main.tf' })) ?? failed(engine.lint(cfn.text, { fileName: 'stack.template.json' }));
  if (broken) throw new Error(`bench: the host lint failed: ${broken.message}`);
  const tfLint = time(() => engine.lint(tf, { fileName: 'main.tf' }), 21);
  // The same 200 resources as a module of 4 files: one file linted with its 3 siblings (the whole-module model).
  const parts = splitModule(tf, 4);
  const siblings = parts.slice(1).map((text, i) => ({ fileName: `part${i + 1}.tf`, text }));
  const tfModuleLint = time(() => engine.lint(parts[0], { fileName: 'part0.tf', siblings }), 21);
  return {
    cloudformation: {
      bytes: cfn.text.length, resources: cfn.resources, findings: findings.length,
      deploymentFindings: findings.filter((f) => deploymentIds.includes(f.ruleId)).length,
      lintMs: cfnAll, lintWithoutDeploymentRulesMs: cfnWithout,
      // Against VS Code's JSON server on the same template, interleaved (see versusJson).
      pull: await versusJson(cfn.text, { pull: true, seed: 17, name: 'stack.template.json', edits: 30 }),
      push: await versusJson(cfn.text, { pull: false, seed: 17, name: 'stack.template.json', edits: 30 }),
    },
    terraform: {
      bytes: tf.length, resources: 200, lintMs: tfLint, moduleOfFourLintMs: tfModuleLint,
      // The JSON server cannot read Terraform: its side edits a CloudFormation JSON template of the same size.
      pull: await versusJson(tf, { pull: true, seed: 18, name: 'main.tf', edits: 60, jsonText: largeTemplate(tf.length).text }),
      push: await versusJson(tf, { pull: false, seed: 18, name: 'main.tf', edits: 60, jsonText: largeTemplate(tf.length).text }),
    },
  };
}
