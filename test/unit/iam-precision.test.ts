// IAM precision (issue 15): escalation through account-wide patterns and across statements, S3 bucket/object
// resource mismatches, and batch API names that are authorised by another action.
import * as assert from 'node:assert/strict';
import { accountWide } from '../../rules/iam/privilege-escalation';
import { arnGlobMeetsFormat } from '../../rules/iam/data-grammar';
import { findings, flagged, json } from '../helpers';

const idp = { kind: 'identity-policy' as const };
const policy = (...Statement: Record<string, unknown>[]) => json({ Version: '2012-10-17', Statement });

describe('iam/privilege-escalation: account-wide patterns and split statements', () => {
  const RULE = 'iam/privilege-escalation';
  it('role/* and function:* are every resource of their type', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } },
      { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: 'arn:aws:lambda:us-east-1:123456789012:function:*' },
    );
    assert.equal(findings(RULE, text, idp).length, 1);
  });

  it('the needed actions in different statements of one policy still make a path', () => {
    const text = policy(
      { Effect: 'Allow', Action: 'ecs:RegisterTaskDefinition', Resource: '*' },
      { Effect: 'Allow', Action: 'ecs:RunTask', Resource: 'arn:aws:ecs:*:*:task-definition/*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/*', Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    );
    assert.equal(findings(RULE, text, idp).length, 1);
  });

  it('specific names, paths, other services\' ARNs and a missing step are not paths', () => {
    for (const res of ['arn:aws:iam::123456789012:role/app-*', 'arn:aws:iam::123456789012:role/app/*', 'arn:aws:s3:::role/*']) {
      const text = policy({ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: ['arn:aws:lambda:us-east-1:123456789012:function:app', res] });
      assert.equal(findings(RULE, text, idp).length, 0, res);
    }
    assert.equal(findings(RULE, policy({ Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: 'arn:aws:ecs:*:*:task-definition/*' }), idp).length, 0);
  });

  it('accountWide reads the resource part against the action\'s service', () => {
    assert.equal(accountWide('arn:aws:iam::123456789012:role/*', 'iam:PassRole'), true);
    assert.equal(accountWide('arn:aws:lambda:*:*:function:*', 'lambda:CreateFunction'), true);
    assert.equal(accountWide('arn:aws:iam::*:*', 'iam:CreateAccessKey'), true);
    assert.equal(accountWide('arn:aws:iam::123456789012:role/*', 'lambda:CreateFunction'), false);
    assert.equal(accountWide('arn:aws:iam::123456789012:user/dev-*', 'iam:CreateAccessKey'), false);
  });
});

describe('iam/resource-mismatch: S3 bucket-level and object-level actions', () => {
  const RULE = 'iam/resource-mismatch';
  it('s3:ListBucket only on bucket/* and s3:GetObject only on the bucket are mismatches', () => {
    const text = policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket' });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), ['"s3:ListBucket"', '"s3:GetObject"']);
  });

  it('both ARNs listed, nested keys, log groups and ECR repositories with slashes still match', () => {
    const ok = policy(
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/dir/file.txt' },
      { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*' },
      { Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/team/app' },
    );
    assert.deepEqual(findings(RULE, ok, idp), []);
  });

  it('a ${...} before a "/" in an ARN format never spans a "/"', () => {
    assert.equal(arnGlobMeetsFormat('arn:aws:s3:::b/*', 'arn:${Partition}:s3:::${BucketName}'), false);
    assert.equal(arnGlobMeetsFormat('arn:aws:s3:::b/*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), true);
    assert.equal(arnGlobMeetsFormat('arn:aws:ecs:us-east-1:1:task/c/x/y', 'arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}'), true);
    assert.equal(arnGlobMeetsFormat('arn:aws:ecs:us-east-1:1:task/c', 'arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}'), false);
  });
});

describe('iam/unknown-action: batch API calls authorised by another action', () => {
  const RULE = 'iam/unknown-action';
  it('does not claim a missing permission when the statement grants the authorising action (info)', () => {
    const text = policy({ Effect: 'Allow', Action: ['sqs:DeleteMessage', 'sqs:DeleteMessageBatch'], Resource: 'arn:aws:sqs:us-east-1:123456789012:q' });
    const [f] = findings(RULE, text, idp);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /authorised by "sqs:DeleteMessage", which this statement already grants/);
    assert.doesNotMatch(f.message, /missing/);
    const viaPattern = policy({ Effect: 'Allow', Action: ['sqs:Delete*', 'sqs:DeleteMessageBatch'], Resource: '*' });
    assert.equal(findings(RULE, viaPattern, idp)[0].severity, 'info');
  });

  it('names the authorising action, as an error with its fix, when the statement lacks it', () => {
    const text = policy({ Effect: 'Allow', Action: 'sqs:SendMessageBatch', Resource: '*' });
    const [f] = findings(RULE, text, idp);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /authorised by the IAM action "sqs:SendMessage".*missing/);
    assert.equal(f.fixes![0].title, 'Replace with "sqs:SendMessage"');
  });
});
