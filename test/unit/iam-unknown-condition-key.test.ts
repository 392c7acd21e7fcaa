import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'iam/unknown-condition-key';
const idp = { kind: 'identity-policy' as const };
const withCondition = (Condition: object, Effect = 'Allow') =>
  json({ Version: '2012-10-17', Statement: [{ Effect, Action: 's3:GetObject', Resource: '*', Condition }] });

describe(RULE, () => {
  it('flags an unknown global key on the key, with suggestions and an unsafe fix that re-lints clean', () => {
    const text = withCondition({ StringEquals: { 'aws:PrincipalOrgIdd': 'o-abc123' } });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"aws:PrincipalOrgIdd"');
    assert.match(fs[0].message, /not a global condition key.*"aws:PrincipalOrgID"/);
    assert.equal(fs[0].fixes![0].safe, false);
    assert.notEqual(fs[0].fixes![0].preferred, true);
    assert.equal(findings(RULE, applyFix(text, fs[0]), idp).length, 0);
  });
  it('flags unknown service keys, unknown prefixes and keys without a prefix, in Deny too', () => {
    const text = withCondition({
      StringNotEquals: { 'aws:SourceVpcEndpoint': 'vpce-1', 'ecs:clusterName': 'x', 'nosvc:thing': 'y', sourceVpce: 'vpce-1' },
    }, 'Deny');
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"aws:SourceVpcEndpoint"', '"ecs:clusterName"', '"nosvc:thing"', '"sourceVpce"']);
    assert.match(fs[1].message, /ecs defines no such condition key/);
    assert.match(fs[2].message, /"nosvc" is not an AWS service prefix/);
    assert.match(fs[3].message, /form "aws:Name"/);
  });
  it('accepts real keys in any case, tag-key patterns and global keys ECS policies use', () => {
    const text = withCondition({
      StringEquals: {
        'aws:PrincipalOrgID': 'o-1', 'AWS:SOURCEVPCE': 'vpce-1', 'aws:SourceAccount': '123456789012', 'aws:RequestTag/CostCenter': 'x',
        'aws:PrincipalTag/team': 'a', 'aws:ResourceTag/env': 'prod', 's3:ExistingObjectTag/owner': 'me', 'ecs:ResourceTag/app': 'web',
        'ecs:container-name': 'web', 'iam:PassedToService': 'ecs-tasks.amazonaws.com', 'sts:ExternalId': 'x', 'kms:EncryptionContext:aws:logs:arn': 'x',
      },
      ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:*', 'ecs:cluster': 'arn:aws:ecs:*:*:cluster/x' },
      'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com', 'aws:TagKeys': 'env' },
      Bool: { 'aws:SecureTransport': 'true', 'aws:ViaAWSService': 'true' },
    });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), []);
  });
  it('does not report web identity and SAML provider claims', () => {
    const text = json({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:a:b', 'saml:aud': 'x' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/repo:*' },
        },
      }],
    });
    assert.equal(findings(RULE, text, { kind: 'trust-policy' }).length, 0);
  });
  it('never throws on wrong types', () => {
    for (const text of ['{"Statement": {"Condition": {"StringEquals": 5}}}', '{"Statement": {"Condition": ["x"]}}', '{"Statement": {"Condition": {"StringEquals": {"aws:Nope": null}}}}', '{"Statement": {"Condition": {"StringEquals": {"aws:So']) {
      findings(RULE, text, idp);
    }
    assert.equal(findings(RULE, '{"Statement": {"Condition": {"StringEquals": {"aws:Nope": null}}}}', idp).length, 1);
  });
});
