// Secrets and credentials in templates (issue 15): credential-named environment values from parameters, variables
// and dynamic references; JSON-valued credentials; static AWS keys in ecs.config; ecs.config written by UserData.
import * as assert from 'node:assert/strict';
import { jsonCredentialField } from '../../rules/task/secrets-heuristics';
import { findings, flagged, json, lint } from '../helpers';

const SECRETS = 'task/no-plaintext-secrets';
const cfnTask = (params: string, env: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
${params}
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Environment:
${env}
`;

describe('secrets: environment values from template parameters and variables', () => {
  it('a credential-named variable from a plain (or NoEcho) parameter is plain text in the task definition', () => {
    const text = cfnTask('  DbPassword: { Type: String }\n  ApiToken: { Type: String, NoEcho: true }',
      '            - Name: DB_PASSWORD\n              Value: !Ref DbPassword\n            - Name: API_TOKEN\n              Value: !Sub "${ApiToken}"');
    const fs = findings(SECRETS, text, { fileName: 't.yaml' });
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['!Ref DbPassword', '!Sub "${ApiToken}"']);
    assert.match(fs[0].message, /parameter "DbPassword".*plain text/);
    assert.match(fs[1].message, /NoEcho parameter "ApiToken"/);
  });

  it('is silent for non-credential names, parameters that name the secret (…Arn, …Name), resources and pseudo parameters', () => {
    const text = cfnTask('  LogLevel: { Type: String }\n  DbPasswordSecretArn: { Type: String }\n  DBPasswordSSMKey: { Type: String }',
      ['LOG_LEVEL: !Ref LogLevel', 'DB_PASSWORD: !Ref DbPasswordSecretArn', 'DBPasswordSSMKey: !Ref DBPasswordSSMKey', 'DB_PASSWORD: !Ref DbSecret', 'API_TOKEN: !Ref AWS::StackName', 'AUTH_TOKEN: !GetAtt Thing.Token']
        .map((l) => { const [n, v] = l.split(': '); return `            - Name: ${n}\n              Value: ${v}`; }).join('\n'));
    assert.deepEqual(findings(SECRETS, text, { fileName: 't.yaml' }), []);
  });

  it('a {{resolve:secretsmanager:...}} dynamic reference in an environment value is resolved into plain text', () => {
    const text = cfnTask('  Env: { Type: String }', '            - Name: DB_CONN\n              Value: "{{resolve:secretsmanager:prod/db:SecretString:password}}"');
    const fs = findings(SECRETS, text, { fileName: 't.yaml' });
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /dynamic reference/);
    // CDK writes the dynamic reference as an Fn::Join around the secret's Ref.
    const cdk = JSON.stringify({ Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'api', Image: 'api:1.0',
      Environment: [{ Name: 'SPRING_DATASOURCE_PASSWORD', Value: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'DbSecret' }, ':SecretString:password::}}']] } }] }] } } } }, null, 1);
    assert.equal(findings(SECRETS, cdk, { fileName: 'cdk.out/App.template.json' }).length, 1);
    const ssmPlain = cfnTask('  Env: { Type: String }', '            - Name: DB_HOST\n              Value: "{{resolve:ssm:/prod/db/host}}"');
    assert.deepEqual(findings(SECRETS, ssmPlain, { fileName: 't.yaml' }), []);
  });

  it('Terraform: var.x and "${var.x}" behind a credential name, whatever "sensitive" says; other names are silent', () => {
    const tf = (env: string) => `resource "aws_ecs_task_definition" "t" {
  family = "web"
  container_definitions = jsonencode([{
    name = "app", image = "nginx:1.27",
    environment = [${env}]
  }])
}
`;
    const text = tf('{ name = "DB_PASSWORD", value = var.db_password }, { name = "API_KEY", value = "${var.api_key}" }');
    assert.deepEqual(findings(SECRETS, text, { fileName: 'main.tf' }).map((f) => flagged(text, f)), ['var.db_password', '"${var.api_key}"']);
    for (const env of ['{ name = "LOG_LEVEL", value = var.log_level }', '{ name = "DB_PASSWORD", value = var.db_password_arn }', '{ name = "DB_PASSWORD", value = aws_db_instance.x.password }']) {
      assert.deepEqual(findings(SECRETS, tf(env), { fileName: 'main.tf' }), [], env);
    }
  });
});

describe('secrets: credentials inside JSON-valued variables', () => {
  it('finds a password or auth field in a registry auth blob, whatever the variable is called', () => {
    const task = (value: string) => json({ family: 'f', containerDefinitions: [{ name: 'a', image: 'x:1', environment: [{ name: 'REGISTRY_CONFIG', value }] }] });
    const fs = findings(SECRETS, task(JSON.stringify({ 'https://index.docker.io/v1/': { username: 'me', password: 's3cr3t-Pa55' } })));
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /"password" field/);
    assert.doesNotMatch(fs[0].message, /s3cr3t/);
    assert.equal(findings(SECRETS, task(JSON.stringify({ auths: { 'registry.corp.io': { auth: 'bWU6czNjcjN0' } } }))).length, 1);
  });

  it('ignores JSON without credential fields, placeholder values and non-JSON text', () => {
    assert.equal(jsonCredentialField('{"level":"info","tokenizer":"x"}'), undefined);
    assert.equal(jsonCredentialField('{"password":"${DB_PASSWORD}"}'), undefined);
    assert.equal(jsonCredentialField('{"password":""}'), undefined);
    assert.equal(jsonCredentialField('{password: x}'), undefined);
    assert.equal(jsonCredentialField('{"a":{"b":{"secret":"hunter2hunter2"}}}'), 'secret');
  });
});

describe('ecs.config: static AWS keys and UserData', () => {
  const CREDS = 'agent/no-inline-registry-credentials';
  it('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are credentials on the host, not unknown keys', () => {
    const text = 'ECS_CLUSTER=prod\nAWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\nAWS_SECRET_ACCESS_KEY=abc\n';
    const r = lint(text, { fileName: 'ecs.config' });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === CREDS).map((f) => flagged(text, f)), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    assert.equal(r.findings.filter((f) => f.ruleId === 'agent/unknown-variable').length, 0);
    // Empty values set nothing; other AWS_* keys stay unknown.
    const other = lint('AWS_ACCESS_KEY_ID=\nAWS_REGIONN=us-east-1\n', { fileName: 'ecs.config' }).findings;
    assert.deepEqual(other.filter((f) => f.ruleId === CREDS), []);
    assert.equal(other.filter((f) => f.ruleId === 'agent/unknown-variable').length, 1);
  });

  it('CloudFormation UserData (Fn::Base64 !Sub block) is linted as agent config, ranges in the template', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            echo ECS_CLUSTER=\${Cluster} >> /etc/ecs/ecs.config
            echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config
            echo ECS_ENGINE_AUTH_DATA='{"r":{"auth":"x"}}' >> /etc/ecs/ecs.config
`;
    const fs = lint(text, { fileName: 't.yaml' }).findings;
    const creds = fs.find((f) => f.ruleId === CREDS)!;
    assert.equal(flagged(text, creds), 'ECS_ENGINE_AUTH_DATA');
    assert.match(creds.message, /^LT UserData: /);
    assert.ok(!fs.some((f) => f.ruleId === 'agent/block-imds'), 'block-imds is set');
    assert.ok(fs.filter((f) => f.ruleId.startsWith('agent/')).every((f) => !f.fixes), 'no fixes into a generated script');
  });

  it('JSON template UserData built with Fn::Join, and instances without ecs.config lines are left alone', () => {
    const ud = { 'Fn::Base64': { 'Fn::Join': ['', ['#!/bin/bash\n', 'echo ECS_CLUSTER=', { Ref: 'Cluster' }, ' >> /etc/ecs/ecs.config\n', 'echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config\n', 'echo ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true >> /etc/ecs/ecs.config\n']] } };
    const text = JSON.stringify({ Resources: { Host: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', UserData: ud } } } }, null, 2);
    const f = lint(text, { fileName: 'stack.template.json' }).findings.find((x) => x.ruleId === 'agent/host-network-task-roles');
    assert.ok(f);
    assert.equal(flagged(text, f).startsWith('ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST'), true);
    const plain = JSON.stringify({ Resources: { Host: { Type: 'AWS::EC2::Instance', Properties: { UserData: { 'Fn::Base64': 'echo hello' } } } } });
    assert.deepEqual(lint(plain, { fileName: 'x.template.json' }).findings, []);
  });
});
