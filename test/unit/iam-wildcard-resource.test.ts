import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/wildcard-resource';
const idp = { kind: 'identity-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags scopable write actions on "*", on the Resource value', () => {
    const text = p({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"*"');
    assert.ok(fs[0].offset > text.indexOf('"Resource"'));
    assert.match(fs[0].message, /s3:PutObject/);
    assert.doesNotMatch(fs[0].message, /GetObject/);
  });
  it('flags permissions-management actions and wildcard patterns', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }), idp).length, 1);
    assert.match(findings(RULE, p({ Effect: 'Allow', Action: 's3:Put*', Resource: ['*'] }), idp)[0].message, /s3:Put\* \(\d+ such actions\)/);
  });
  it('does not flag read/list actions, wildcard-only write actions, specific resources, or Deny', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['s3:GetObject', 'ecs:Describe*', 'ecr:GetAuthorizationToken'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenDataChannel'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }), idp).length, 0);
  });
  it('accepts a constraining condition but not a transport-only one', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'web' } } }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), idp).length, 1);
  });
});
