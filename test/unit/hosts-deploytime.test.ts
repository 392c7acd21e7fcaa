// Deploy-time values (issue 15): a reference in a label (family, container name) does not hide findings; literal
// parts of templates are judged; Terraform heredoc JSON with unquoted interpolations is JSON with unknown holes.
import * as assert from 'node:assert/strict';
import { fillHoles } from '../../rules/hosts/terraform';
import { flagged, lint } from '../helpers';

const ids = (text: string, fileName: string) => lint(text, { fileName }).findings.map((f) => `${f.ruleId} ${flagged(text, f)}`);

const cfnTask = (family: string, name: string, image: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${family}
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: ${name}
          Image: ${image}
`;

describe('hosts: deploy-time labels', () => {
  const ABSENT = ['task/logging-configured', 'task/non-root-user', 'task/readonly-root-filesystem'];
  for (const [what, family, name] of [
    ['!Ref family and container name', '!Ref AWS::StackName', '!Ref ContainerName'],
    ['!Sub names', '!Sub "${AWS::StackName}-web"', '!Sub "${Env}-app"'],
    ['Fn::Join names', '!Join ["-", [!Ref Env, web]]', '!Join ["", [!GetAtt Thing.Name, "-app"]]'],
  ]) {
    it(`${what}: findings about what the container lacks are still reported, on the name`, () => {
      const text = cfnTask(family, name, 'nginx:1.27');
      const fs = lint(text, { fileName: 't.yaml' }).findings;
      for (const id of ABSENT) assert.ok(fs.some((f) => f.ruleId === id), `${id} reported`);
      const f = fs.find((x) => x.ruleId === 'task/non-root-user')!;
      assert.equal(flagged(text, f), name);
      assert.doesNotMatch(f.message, /\$\{unknown\}/);
    });
  }

  it('messages name the container by its expression, never "${unknown}"', () => {
    const msgs = lint(cfnTask('!Ref AWS::StackName', '!Ref ContainerName', 'nginx:1.27'), { fileName: 't.yaml' }).findings.map((f) => f.message);
    assert.ok(msgs.some((m) => m.includes('container "${ContainerName}"')), msgs.join('\n'));
    const getAtt = lint(cfnTask('web', '!GetAtt Naming.Value', 'nginx:1.27'), { fileName: 't.yaml' }).findings.map((f) => f.message);
    assert.ok(getAtt.some((m) => m.includes('container "${Naming.Value}"')), getAtt.join('\n'));
  });

  it('a deploy-time value that is not a label stays unknown (no finding about it)', () => {
    const text = cfnTask('web', 'app', 'nginx:1.27').replace('      NetworkMode: awsvpc\n', '      NetworkMode: !Ref Mode\n')
      + '          ReadonlyRootFilesystem: !Ref ReadOnly\n          User: !Ref User\n          Privileged: !If [IsDev, true, false]\n';
    const got = ids(text, 't.yaml');
    for (const id of ['task/awsvpc-network-mode', 'task/readonly-root-filesystem', 'task/non-root-user', 'task/no-privileged']) {
      assert.ok(!got.some((g) => g.startsWith(id + ' ')), `${id} must stay silent: ${got.join(', ')}`);
    }
  });

  it('Terraform: var.name and "${var.name}" labels keep findings; the label reads as the expression', () => {
    const text = `resource "aws_ecs_task_definition" "t" {
  family       = var.name
  network_mode = "awsvpc"
  container_definitions = jsonencode([
    { name = var.name, image = "nginx:1.27" },
    { name = "\${var.prefix}-web", image = "nginx:1.27", user = "1000", readonlyRootFilesystem = true }
  ])
}
`;
    const fs = lint(text, { fileName: 'main.tf' }).findings;
    const root = fs.filter((f) => f.ruleId === 'task/non-root-user');
    assert.deepEqual(root.map((f) => flagged(text, f)), ['var.name']);
    assert.match(root[0].message, /container "\$\{var\.name\}"/);
    assert.deepEqual(fs.filter((f) => f.ruleId === 'task/logging-configured').length, 2);
  });
});

describe('hosts: literal parts of templates', () => {
  const image = (img: string) => ids(cfnTask('web', 'app', img), 't.yaml').filter((x) => x.startsWith('task/image-pinned '));

  it('flags :latest after an interpolation (!Sub, Fn::Join) on the image', () => {
    assert.deepEqual(image('!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:latest"'), ['task/image-pinned !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:latest"']);
    assert.equal(image('!Join [":", [!GetAtt Repo.RepositoryUri, latest]]').length, 1);
  });

  it('flags CDK\'s default ECR image reference (Fn::Join ending in ":latest")', () => {
    const repoUri = { 'Fn::Join': ['', [
      { 'Fn::Select': [4, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Repo02AC86CF', 'Arn'] }] }] }, '.dkr.ecr.',
      { 'Fn::Select': [3, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Repo02AC86CF', 'Arn'] }] }] }, '.',
      { Ref: 'AWS::URLSuffix' }, '/', { Ref: 'Repo02AC86CF' }, ':latest']] };
    const text = JSON.stringify({ Resources: { TD: { Type: 'AWS::ECS::TaskDefinition', Properties: {
      NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: 'web', Image: repoUri, Essential: true }] } } } }, null, 1);
    const fs = lint(text, { fileName: 'cdk.out/App.template.json' }).findings.filter((f) => f.ruleId === 'task/image-pinned');
    assert.equal(fs.length, 1);
    assert.match(flagged(text, fs[0]), /^\{\s*"Fn::Join"/);
    assert.match(fs[0].message, /"latest" tag/);
  });

  it('does not judge a tag that is itself deploy-time, or an image that is one value', () => {
    for (const img of ['!Sub "${Repo}:${Tag}"', '!Ref Image', '!Sub "${ImageUri}"', '!Join ["", [!Ref Repo, "@", !Ref Digest]]',
      '!Sub "${AWS::AccountId}.dkr.ecr.us-east-1.amazonaws.com/app-${Suffix}"', '!Sub "${Repo}:v1.2.3"']) {
      assert.deepEqual(image(img), [], img);
    }
  });
});

describe('hosts: Terraform heredoc JSON with unquoted interpolations', () => {
  const heredoc = (body: string) => `resource "aws_ecs_task_definition" "t" {
  family       = "web"
  network_mode = "awsvpc"
  container_definitions = <<EOF
[
  {
    "name": "\${var.name}",
    "image": "\${var.image}",
    "cpu": \${var.cpu},
    "environment": \${jsonencode(var.env)},
${body}
    "user": "1000", "readonlyRootFilesystem": true
  }
]
EOF
}
`;

  it('lints the rest of the JSON: privileged is reported on its own line', () => {
    const text = heredoc('    "privileged": true,');
    const f = lint(text, { fileName: 'main.tf' }).findings.find((x) => x.ruleId === 'task/no-privileged');
    assert.ok(f, 'privileged reported');
    assert.equal(flagged(text, f), '"privileged": true');
  });

  it('holes are unknown: no finding about them', () => {
    const text = heredoc('    "privileged": ${var.privileged},');
    const got = ids(text, 'main.tf');
    assert.ok(!got.some((g) => g.startsWith('task/no-privileged') || g.startsWith('task/no-plaintext-secrets')), got.join('\n'));
  });

  it('fillHoles keeps offsets and leaves interpolations inside strings alone', () => {
    const src = '{"a": ${x}, "b": "${y}", "c": [${f({k = 1})}]}';
    const { json, holes } = fillHoles(src);
    assert.equal(json.length, src.length);
    assert.deepEqual(JSON.parse(json).b, '${y}');
    assert.deepEqual([...holes.values()], ['x', 'f({k = 1})']);
    assert.equal(fillHoles('{"a": ${x').holes.size, 0); // unterminated: not JSON, left as is
  });
});
