// Right kind, right audience (issue 15): resource policies of other services, ECR lifecycle policies and single
// container definitions are recognised for what they are; ECS Exec wording only on roles that can be task roles;
// Windows tasks recognised without runtimePlatform; "user": null is absent.
import * as assert from 'node:assert/strict';
import { findings, flagged, json, lint } from '../helpers';

describe('kinds: documents recognised for what they are', () => {
  it('S3 bucket, SQS queue and SNS topic policies are not endpoint policies (left alone)', () => {
    const bucket = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::logs/*' }] });
    const queue = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }] });
    const vpce = json({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }] });
    for (const [text, name] of [[bucket, 'policy.json'], [queue, 'queue-policy.json'], [vpce, 'bucket-policy.json']]) {
      const r = lint(text, { fileName: name });
      assert.equal(r.kind, 'unknown', name);
      assert.deepEqual(r.findings, []);
    }
  });

  it('an S3 gateway endpoint policy (no service principal, no SourceVpce) is still an endpoint policy', () => {
    const ep = json({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-starport-layer-bucket-us-east-1/*' }] });
    assert.equal(lint(ep, { fileName: 'policy.json' }).kind, 'endpoint-policy');
    assert.equal(lint(json({ Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::l/*' }] }), { fileName: 's3-endpoint-policy.json' }).kind, 'endpoint-policy');
  });

  it('an ECR lifecycle policy is not a repository policy, even under an ECR policy file name', () => {
    const text = json({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] });
    const r = lint(text, { fileName: 'ecr-policy.json' });
    assert.equal(r.kind, 'unknown');
    assert.deepEqual(r.findings, []);
  });

  it('a single container definition object is linted like a one-container array, ranges inside it', () => {
    const text = json({ name: 'web', image: 'nginx:latest', essential: true, privileged: true });
    const r = lint(text, { fileName: 'web.json' });
    assert.equal(r.kind, 'container-definitions');
    const f = r.findings.find((x) => x.ruleId === 'task/no-privileged')!;
    assert.equal(flagged(text, f), '"privileged": true');
    assert.ok(r.findings.some((x) => x.ruleId === 'task/image-pinned'));
  });

  it('name + image alone (devcontainer.json, compose-like JSON) is not a container definition', () => {
    assert.equal(lint(json({ name: 'dev', image: 'mcr.microsoft.com/devcontainers/base:1' }), { fileName: 'devcontainer.json' }).kind, 'unknown');
  });
});

describe('audience: ECS Exec wording only on roles that may be task roles', () => {
  const template = (service: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ${service} }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ssm
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [ssmmessages:CreateControlChannel, ssmmessages:OpenDataChannel]
                Resource: '*'
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: more
      Roles: [!Ref Role]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ssmmessages:CreateDataChannel
            Resource: '*'
`;
  const exec = (text: string) => findings('iam/ecs-exec', text, { fileName: 't.yaml' });

  it('silent on an EC2 instance role (Session Manager), inline or attached through Roles', () => {
    assert.deepEqual(exec(template('ec2.amazonaws.com')), []);
  });

  it('reported on a task role, a role trusted by both, and a role whose trust is unknown', () => {
    assert.equal(exec(template('ecs-tasks.amazonaws.com')).length, 2);
    assert.equal(exec(template('[ec2.amazonaws.com, ecs-tasks.amazonaws.com]')).length, 2);
    assert.equal(exec(template('!Ref TrustedService')).length, 2);
  });

  it('ecs:ExecuteCommand (the caller\'s permission) is still reported on any role', () => {
    const text = template('ec2.amazonaws.com').replace('Action: ssmmessages:CreateDataChannel', 'Action: ecs:ExecuteCommand');
    assert.deepEqual(exec(text).map((f) => flagged(text, f)), ['ecs:ExecuteCommand']);
  });
});

describe('Windows tasks without runtimePlatform; "user": null', () => {
  const task = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    json({ family: 'w', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', essential: true, ...container }], ...extra });

  it('a gMSA credentialSpecs entry or a Windows base image makes the task Windows', () => {
    for (const c of [{ image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022' },
      { image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0', credentialSpecs: ['credentialspecdomainless:arn:aws:s3:::b/gmsa.json'] }]) {
      const ids = lint(task(c)).findings.map((f) => f.ruleId);
      assert.ok(ids.includes('task/windows-non-admin-user'), JSON.stringify(c));
      assert.ok(!ids.includes('task/non-root-user') && !ids.includes('task/readonly-root-filesystem'), ids.join());
    }
  });

  it('Linux images and an explicit LINUX runtimePlatform stay Linux', () => {
    const ids = lint(task({ image: 'mcr.microsoft.com/dotnet/aspnet:8.0' })).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('task/non-root-user') && !ids.includes('task/windows-non-admin-user'));
    const linux = lint(task({ image: 'mcr.microsoft.com/windows/servercore:ltsc2022' }, { runtimePlatform: { operatingSystemFamily: 'LINUX' } })).findings.map((f) => f.ruleId);
    assert.ok(!linux.includes('task/windows-non-admin-user'));
  });

  it('"user": null and "readonlyRootFilesystem": null are absent, reported on the null', () => {
    const text = task({ image: 'nginx:1.27', user: null, readonlyRootFilesystem: null });
    const root = findings('task/non-root-user', text);
    assert.equal(root.length, 1);
    assert.equal(flagged(text, root[0]), 'null');
    assert.match(root[0].message, /does not set "user"/);
    assert.equal(findings('task/readonly-root-filesystem', text).length, 1);
  });
});

describe('policies written as JSON strings in YAML templates', () => {
  it('AssumeRolePolicyDocument: | followed by JSON is linted like the object form, ranges on the JSON text', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]
        }
      Policies:
        - PolicyName: p
          PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'
`;
    const fs = lint(text, { fileName: 't.yaml' }).findings;
    const trust = fs.find((f) => f.ruleId === 'trust/wildcard-principal')!;
    assert.equal(flagged(text, trust), '"*"');
    assert.ok(trust.offset > text.indexOf('"AWS"'));
    const admin = fs.find((f) => f.ruleId === 'iam/wildcard-action')!;
    assert.equal(flagged(text, admin), '"*"');
  });

  it('a deeply nested JSON string policy never throws', () => {
    const deep = '{"Statement": ' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const text = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '${deep}'\n`;
    assert.doesNotThrow(() => lint(text, { fileName: 't.yaml' }));
  });

  it('a string that is not a JSON object is not a policy (no findings, no errors)', () => {
    const text = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '{not json'\n`;
    assert.deepEqual(lint(text, { fileName: 't.yaml' }).findings, []);
  });
});
