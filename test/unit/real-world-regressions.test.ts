// Regression cases derived from linting public ECS repositories (CloudFormation, CDK, Terraform, policies): each one
// was a wrong finding at error severity, written here in our own small form.
import * as assert from 'node:assert/strict';
import { json, lint } from '../helpers';

const errors = (text: string, fileName?: string) => lint(text, { fileName }).findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('real-world regressions', () => {
  it('resource control policies (Principal "*", sts: and other actions, Resource) are not trust policies', () => {
    const rcp = json({ Version: '2012-10-17', Statement: [{ Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sts:AssumeRole', 'kms:*'], Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': '<my-org-id>' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }] });
    const r = lint(rcp, { fileName: 'identity_perimeter_rcp.json' });
    assert.equal(r.kind, 'unknown');
    // Named as a trust policy, Resource is still reported (the user said what it is).
    assert.ok(errors(rcp, 'trust-policy.json').includes('trust/no-resource'));
  });

  it('KMS key policies are not endpoint policies', () => {
    const key = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] });
    assert.equal(lint(key, { fileName: 'kms-admin.json' }).kind, 'unknown');
  });

  it('CloudFormation fragments in policy JSON: {"Fn::Sub": ...} and {"Ref": ...} values are unknown, not type errors', () => {
    const text = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'ecr:BatchGetImage',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }] });
    assert.deepEqual(errors(text, 'ecr-repo-policy.json'), []);
    const wrong = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: { Account: 1 } }, Action: 'ecr:BatchGetImage' }] });
    assert.ok(errors(wrong, 'ecr-repo-policy.json').includes('iam/policy-structure'));
  });

  it('template slots in condition keys and actions (<OIDC_provider>:sub, <action>) are unknown', () => {
    const text = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['<action>', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*',
      Condition: { StringEquals: { '<OIDC_provider_name>:sub': 'x', '{{ provider }}:aud': 'y' } } }] });
    assert.deepEqual(errors(text, 'policy.json'), []);
    assert.ok(errors(json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjcet', Resource: '*' }] }), 'policy.json').includes('iam/unknown-action'));
  });

  it('s3:HeadBucket is authorised by s3:ListBucket: info when the statement grants it, error naming it otherwise', () => {
    const ok = lint(json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:HeadBucket'], Resource: 'arn:aws:s3:::b' }] }), { kind: 'identity-policy' }).findings;
    assert.deepEqual(ok.map((f) => `${f.ruleId} ${f.severity}`), ['iam/unknown-action info']);
    const missing = lint(json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:HeadBucket', Resource: 'arn:aws:s3:::b' }] }), { kind: 'identity-policy' }).findings;
    assert.match(missing[0].message, /"s3:ListBucket"/);
  });

  it('an environment variable holding the name of an SSM parameter (DBPasswordSSMKey) is not a plaintext secret', () => {
    const text = `Parameters:
  DBPasswordSSMKey: { Type: String }
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1.0
          Environment:
            - Name: DBPasswordSSMKey
              Value: !Ref DBPasswordSSMKey
`;
    assert.deepEqual(errors(text, 'svc.yaml').filter((r) => r === 'task/no-plaintext-secrets'), []);
  });

  it('ForAnyValue on cognito-identity.amazonaws.com:amr (as AWS documents it) is not a set-operator misuse', () => {
    const trust = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:abc' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } } }] });
    assert.deepEqual(lint(trust, { kind: 'trust-policy' }).findings.filter((f) => f.ruleId === 'iam/condition-operator'), []);
    const single = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceVpc': 'vpc-1' } } }] });
    assert.equal(lint(single, { kind: 'identity-policy' }).findings.filter((f) => f.ruleId === 'iam/condition-operator').length, 1);
  });

  it('an endpoint statement for AWS service principals (aws:PrincipalIsAWSService) is inside the boundary', () => {
    const ep = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } }] });
    assert.deepEqual(lint(ep, { kind: 'endpoint-policy' }).findings.filter((f) => f.ruleId === 'endpoint/org-boundary'), []);
  });

  it('cloudformation:CreateChangeSet on AWS-owned transform ARNs (SAM) is not a resource mismatch', () => {
    const text = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:CreateChangeSet',
      Resource: ['arn:aws:cloudformation:us-west-2:aws:transform/Serverless-2016-10-31'] }] });
    assert.deepEqual(lint(text, { kind: 'identity-policy' }).findings.filter((f) => f.ruleId === 'iam/resource-mismatch'), []);
  });

  it('a CloudFormation YAML file with Jinja directives (Proton templates) gets an info, not a syntax error', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
{% if service_instance.inputs.enabled %}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: '{{service.name}}'
{% endif %}
`;
    const fs = lint(text, { fileName: 'cloudformation.yaml' }).findings.filter((f) => f.ruleId === 'json/syntax-error');
    assert.deepEqual(fs.map((f) => f.severity), ['info']);
    const broken = lint("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n", { fileName: 'x.yaml' }).findings.filter((f) => f.ruleId === 'json/syntax-error');
    assert.deepEqual(broken.map((f) => f.severity), ['error']);
  });

  it('braces inside a string are not a template directive: a broken template holding a privileged container fails (1M fuzz run)', () => {
    const syntax = (text: string, fileName = 'template.json') => lint(text, { fileName }).findings.filter((f) => f.ruleId === 'json/syntax-error').map((f) => f.severity);
    // Privileged container after the syntax error, `{{"}}` only inside string values: an error, so CI fails closed.
    const fuzzed = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": '
      + '[[[]]], {"x": "{{{{", "ContainerDefinitions": [{"Name": "a", "Image": "x", "Privileged": true, "DockerLabels": {"l": "{{{{"}}]}}}}';
    assert.deepEqual(syntax(fuzzed), ['error']);
    // A directive written after the broken line does not explain the error either.
    const head = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
    assert.deepEqual(syntax(`${head}  A: b: c\n  B: '{{ service.name }}'\n`, 'x.yaml'), ['error']);
    // Go, Handlebars and Jinja expressions at or before the error still do.
    for (const d of ['{{ .Values.image }}', '{{- if .Enabled }}', '{{#each services}}', '{{service_instance.inputs.image}}']) {
      assert.deepEqual(syntax(`${head}  A: ${d} [\n`, 'x.yaml'), ['info'], d);
    }
  });
});
