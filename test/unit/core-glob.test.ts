import * as assert from 'node:assert/strict';
import { wildcardMatch } from '../../rules/core/glob';
import { findings } from '../helpers';

describe('wildcardMatch (IAM globs without regular expressions)', () => {
  it('matches * and ? over the whole string, case-insensitively by default', () => {
    assert.ok(wildcardMatch('s3:Get*', 'S3:GETOBJECT'));
    assert.ok(wildcardMatch('ecs:*Task?', 'ecs:RunTasks'));
    assert.ok(wildcardMatch('*', ''));
    assert.ok(wildcardMatch('a*b*c', 'aXXbYYbc'));
    assert.ok(!wildcardMatch('a*b*c', 'aXXbYYb'));
    assert.ok(!wildcardMatch('s3:Get', 's3:GetObject'));
    assert.ok(!wildcardMatch('?', ''));
    assert.ok(!wildcardMatch('aws', 'AWS', false));
  });
  it('treats regex metacharacters literally', () => {
    assert.ok(wildcardMatch('arn:aws:s3:::a.b(c)[d]+', 'arn:aws:s3:::a.b(c)[d]+'));
    assert.ok(!wildcardMatch('a.b', 'aXb'));
  });
  it('is fast on huge strings and many-star patterns (once a V8 "regular expression too large" error)', () => {
    const huge = 'x-Y'.repeat(30_000);
    const t0 = performance.now();
    assert.ok(wildcardMatch(huge, huge));
    assert.ok(!wildcardMatch('*a'.repeat(200) + '*b', 'a'.repeat(5000)));
    assert.ok(performance.now() - t0 < 1000);
  });
  it('a 90 KB Resource in an endpoint policy no longer makes endpoint/s3-ecr-layer-bucket fail', () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'x-Y'.repeat(30_000) }] });
    assert.deepEqual(findings('internal/rule-error', policy, { kind: 'endpoint-policy' }), []);
  });
});
