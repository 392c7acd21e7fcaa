import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'endpoint/s3-ecr-layer-bucket';
const ep = { kind: 'endpoint-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const get = (Resource: unknown, Action: unknown = ['s3:GetObject', 's3:PutObject']) => ({ Effect: 'Allow', Principal: '*', Action, Resource });

describe(RULE, () => {
  it('flags s3:GetObject restricted to specific buckets without the layer bucket', () => {
    const text = p(get(['arn:aws:s3:::my-bucket/*']));
    const fs = findings(RULE, text, ep);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"s3:GetObject"');
    assert.equal(findings(RULE, p(get('arn:aws:s3:::my-bucket/*', 's3:Get*')), ep).length, 1);
  });
  it('accepts the layer bucket (any region, wildcards) in any Allow statement, or Resource "*"', () => {
    assert.equal(findings(RULE, p(get(['arn:aws:s3:::my-bucket/*', 'arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*'])), ep).length, 0);
    assert.equal(findings(RULE, p(get('arn:aws:s3:::my-bucket/*'), get('arn:aws:s3:::prod-*-starport-layer-bucket/*', 's3:GetObject')), ep).length, 0);
    assert.equal(findings(RULE, p(get('arn:aws:s3:::prod-*/*')), ep).length, 0);
    assert.equal(findings(RULE, p(get('*')), ep).length, 0);
  });
  it('does not flag policies without s3:GetObject, with only "*" actions, or Deny', () => {
    assert.equal(findings(RULE, p(get('arn:aws:s3:::b/*', 's3:PutObject')), ep).length, 0);
    assert.equal(findings(RULE, p(get('arn:aws:s3:::b/*', '*')), ep).length, 0);
    assert.equal(findings(RULE, p({ ...get('arn:aws:s3:::b/*'), Effect: 'Deny' }), ep).length, 0);
    assert.equal(findings(RULE, p(get(['arn:aws:ecr:us-east-1:111122223333:repository/x'], 'ecr:BatchGetImage')), ep).length, 0);
  });
});
