// One problem, one finding: where two rules could report the same problem, only its owner does (the table is in the
// rules' docs pages, "What this rule does not report"). Each overlap: the owner reports it, the others stay silent,
// and each of them still reports its own problem next door.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../rules';
import { json, lint } from '../helpers';

const policy = (...Statement: Record<string, unknown>[]) => json({ Version: '2012-10-17', Statement });
const rules = (text: string, kind: 'identity-policy' | 'endpoint-policy' = 'identity-policy') => lint(text, { kind }).findings.map((f) => f.ruleId).sort();

describe('ownership: one problem, one finding', () => {
  it('iam:PassRole on "*": iam/passrole-wildcard only (not iam/wildcard-resource)', () => {
    assert.deepEqual(rules(policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })), ['iam/passrole-wildcard']);
    // wildcard-resource still reports the other scopable actions of the statement, without naming PassRole.
    const mixed = lint(policy({ Effect: 'Allow', Action: ['iam:PassRole', 'sqs:DeleteQueue'], Resource: '*' }), { kind: 'identity-policy' }).findings;
    assert.deepEqual(mixed.map((f) => f.ruleId).sort(), ['iam/passrole-wildcard', 'iam/wildcard-resource']);
    assert.doesNotMatch(mixed.find((f) => f.ruleId === 'iam/wildcard-resource')!.message, /PassRole/);
  });

  it('"*" on "*": iam/wildcard-action only, saying it is administrator access', () => {
    const fs = lint(policy({ Effect: 'Allow', Action: '*', Resource: '*' }), { kind: 'identity-policy' }).findings;
    assert.deepEqual(fs.map((f) => f.ruleId), ['iam/wildcard-action']);
    assert.match(fs[0].message, /full administrator access/);
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(rules(policy({ Effect: 'Allow', Action: '*:*', Resource: '*' })), ['iam/wildcard-action']);
  });

  it('a narrower wildcard still lets the specific rules speak ("iam:*" on "*")', () => {
    const got = rules(policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }));
    for (const id of ['iam/passrole-wildcard', 'iam/privilege-escalation', 'iam/wildcard-action']) assert.ok(got.includes(id), `${id}: ${got}`);
  });

  it('"*" on a specific resource is still a wildcard action, and PassRole from another statement still counts', () => {
    assert.deepEqual(rules(policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' })), ['iam/wildcard-action']);
    const got = rules(policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }));
    assert.deepEqual(got, ['iam/passrole-wildcard', 'iam/wildcard-action']);
  });

  it('ecs:ExecuteCommand with ecs:DescribeTasks on every task: iam/privilege-escalation only (not iam/ecs-exec)', () => {
    const text = policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' });
    const got = rules(text);
    assert.ok(got.includes('iam/privilege-escalation') && !got.includes('iam/ecs-exec'), got.join());
    // Scoped to one cluster's tasks: no escalation path, so iam/ecs-exec reports the caller permission.
    const scoped = rules(policy({ Effect: 'Allow', Action: ['ecs:ExecuteCommand', 'ecs:DescribeTasks'], Resource: 'arn:aws:ecs:us-east-1:123456789012:task/prod/*' }));
    assert.deepEqual(scoped, ['iam/ecs-exec']);
  });

  it('the default endpoint policy: endpoint/full-access only, with the organization fix', () => {
    const text = policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
    const fs = lint(text, { kind: 'endpoint-policy' }).findings;
    assert.deepEqual(fs.map((f) => f.ruleId), ['endpoint/full-access']);
    // Fixed (organization only), "*" remains a wildcard action, a warning through an endpoint.
    const fixed = lint(applyEdits(text, fs[0].fixes![0].edits), { kind: 'endpoint-policy' }).findings;
    assert.deepEqual(fixed.map((f) => `${f.ruleId} ${f.severity}`), ['iam/wildcard-action warning']);
  });

  it('a public endpoint statement with another condition: org-boundary and wildcard-action, not full-access', () => {
    const got = rules(policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }), 'endpoint-policy');
    assert.deepEqual(got, ['endpoint/org-boundary', 'iam/wildcard-action']);
  });
});

describe('endpoint without a policy: AWS\'s full-access default', () => {
  const cfn = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  EcrEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: vpc-1
      ServiceName: com.amazonaws.us-east-1.ecr.dkr
${props}`;

  it('CloudFormation: reported once by endpoint/full-access, on the logical id, without fixes', () => {
    const text = cfn('      VpcEndpointType: Interface\n');
    const fs = lint(text, { fileName: 'vpc.yaml' }).findings;
    assert.deepEqual(fs.map((f) => f.ruleId), ['endpoint/full-access']);
    assert.equal(text.slice(fs[0].offset, fs[0].offset + fs[0].length), 'EcrEndpoint');
    assert.match(fs[0].message, /no PolicyDocument/);
    assert.equal(fs[0].fixes, undefined);
  });

  it('CloudFormation: not for a Gateway Load Balancer endpoint, a deploy-time type, or one with a policy', () => {
    assert.deepEqual(lint(cfn('      VpcEndpointType: GatewayLoadBalancer\n'), { fileName: 'vpc.yaml' }).findings, []);
    assert.deepEqual(lint(cfn('      VpcEndpointType: !Ref Type\n'), { fileName: 'vpc.yaml' }).findings, []);
    const scoped = cfn(`      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: ecr:BatchGetImage
            Resource: '*'
            Condition: { StringEquals: { 'aws:PrincipalOrgID': o-abc } }
`);
    assert.deepEqual(lint(scoped, { fileName: 'vpc.yaml' }).findings, []);
  });

  it('Terraform: reported on the name label; not when policy is set here or by an aws_vpc_endpoint_policy in the file', () => {
    const ep = 'resource "aws_vpc_endpoint" "s3" {\n  vpc_id       = var.vpc\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n';
    const fs = lint(ep, { fileName: 'main.tf' }).findings;
    assert.deepEqual(fs.map((f) => f.ruleId), ['endpoint/full-access']);
    assert.equal(ep.slice(fs[0].offset, fs[0].offset + fs[0].length), '"s3"');
    assert.deepEqual(lint(ep.replace('}\n', '  policy = var.policy\n}\n'), { fileName: 'main.tf' }).findings, []);
    assert.deepEqual(lint(ep + 'resource "aws_vpc_endpoint_policy" "p" {\n  vpc_endpoint_id = aws_vpc_endpoint.s3.id\n  policy = var.p\n}\n', { fileName: 'main.tf' }).findings, []);
    assert.deepEqual(lint(ep.replace('}\n', '  vpc_endpoint_type = "GatewayLoadBalancer"\n}\n'), { fileName: 'main.tf' }).findings, []);
  });
});
