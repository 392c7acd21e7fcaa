import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'ecr/service-principal-confused-deputy';
const rp = { kind: 'ecr-repository-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const cb = (extra: object = {}) => ({ Sid: 'CodeBuildAccess', Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], ...extra });

describe(RULE, () => {
  it('flags a service principal without source conditions', () => {
    const text = p(cb());
    const fs = findings(RULE, text, rp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"codebuild.amazonaws.com"');
  });
  it('accepts aws:SourceArn or aws:SourceAccount (the AWS example)', () => {
    assert.equal(findings(RULE, p(cb({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:codebuild:us-east-1:123456789012:project/p' }, StringEquals: { 'aws:SourceAccount': '123456789012' } } })), rp).length, 0);
    assert.equal(findings(RULE, p(cb({ Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' } } })), rp).length, 0);
  });
  it('does not flag account principals or Deny', () => {
    assert.equal(findings(RULE, p(cb({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })), rp).length, 0);
    assert.equal(findings(RULE, p(cb({ Effect: 'Deny' })), rp).length, 0);
  });
});
