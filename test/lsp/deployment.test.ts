// LSP: deployment findings carry relatedInformation (the other resource), follow edits of the other resource without
// saving, and hovering a reference tells what it resolves to.
import * as assert from 'node:assert/strict';
import { fileUri, rangeOf, TestClient } from './client';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LBSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: load balancer
  TaskSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: tasks
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 0.0.0.0/0
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } }
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::bucket/*" }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      TaskRoleArn: !GetAtt TaskRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          SecurityGroups:
            - !Ref TaskSG
`;

describe('LSP: deployment rules', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  it('a world-ingress finding sits on the CIDR and relates to the service\'s reference to the group', async () => {
    const uri = fileUri('deployment/stack.yaml');
    client.open(uri, TEMPLATE, 'yaml');
    const diags = await client.pull(uri);
    const d = diags.find((x) => x.code === 'network/task-world-ingress');
    assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
    assert.deepEqual(d.range, rangeOf(TEMPLATE, '0.0.0.0/0'));
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(d.relatedInformation![0].location.uri, uri);
    assert.deepEqual(d.relatedInformation![0].location.range, rangeOf(TEMPLATE, '!Ref TaskSG'));
    assert.match(d.relatedInformation![0].message, /^Service: its tasks use security group TaskSG/);

    // Editing the group (not the service) updates the service's finding, without saving.
    const narrowed = TEMPLATE.replace('CidrIp: 0.0.0.0/0', 'SourceSecurityGroupId: !GetAtt LBSG.GroupId');
    client.change(uri, narrowed);
    assert.equal((await client.pull(uri)).filter((x) => x.code === 'network/task-world-ingress').length, 0);
    client.close(uri);
  });

  it('hovering a role reference shows the role\'s trust, policies, actions and findings', async () => {
    const uri = fileUri('deployment/hover.yaml');
    client.open(uri, TEMPLATE, 'yaml');
    await client.pull(uri);
    const r = rangeOf(TEMPLATE, '!GetAtt TaskRole.Arn');
    const h = await client.hover(uri, { line: r.start.line, character: r.start.character + 10 });
    assert.ok(h);
    const value = (h.contents as { value: string }).value;
    assert.match(value, /\*\*TaskRole\*\* \(`AWS::IAM::Role`\), attribute `Arn`/);
    assert.match(value, /Trusted by: `ecs-tasks\.amazonaws\.com`/);
    assert.match(value, /Managed policies: AdministratorAccess/);
    assert.match(value, /Allowed actions \(1\): `s3:GetObject`/);
    assert.match(value, /error `role\/admin-policy`/);
    assert.deepEqual(h.range, r);

    const g = rangeOf(TEMPLATE, '!Ref TaskSG');
    const gh = await client.hover(uri, { line: g.start.line, character: g.start.character + 6 });
    assert.match((gh!.contents as { value: string }).value, /Ingress:\n- port 8080 from `0\.0\.0\.0\/0`/);
    client.close(uri);
  });
});
