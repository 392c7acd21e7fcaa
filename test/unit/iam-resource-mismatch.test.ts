import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/resource-mismatch';
const idp = { kind: 'identity-policy' as const };
const policy = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags s3:GetObject on a bucket ARN and s3:ListBucket on an object-only statement, on the action', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::app-config' },
      { Effect: 'Allow', Action: ['S3:putobject', 'ecs:ExecuteCommand'], Resource: ['arn:aws:s3:::app-config/*'] },
    );
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"s3:GetObject"', '"ecs:ExecuteCommand"']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/);
  });
  it('accepts matching resources, wildcard ARNs that could match, and mixed resource lists', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b*' },
      { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/web' },
      { Effect: 'Allow', Action: 'ecs:ExecuteCommand', Resource: ['arn:aws:ecs:*:123456789012:cluster/prod', 'arn:aws:ecs:*:123456789012:task/prod/*'] },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/ecsTaskRole' },
    );
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), []);
  });
  it('skips Deny, wildcards, "*", policy variables, non-ARNs, NotResource and wildcard-only actions', () => {
    const text = policy(
      { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b', '*'] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::${aws:username}'] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['bucket'] },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::b'] },
      { Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 's3:GetObjekt'], Resource: 'arn:aws:s3:::b' },
    );
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), []);
  });
  it('never throws on wrong types', () => {
    for (const t of ['{"Statement": {"Effect": "Allow", "Action": 5, "Resource": "arn:aws:s3:::b"}}', '{"Statement": {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [null, 5]}}', '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b']) {
      findings(RULE, t, idp);
    }
  });
});
