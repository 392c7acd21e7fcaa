import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'ecr/public-principal';
const rp = { kind: 'ecr-repository-policy' as const };
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const pull = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

describe(RULE, () => {
  it('flags Allow to "*" or {"AWS": "*"} without a restricting condition', () => {
    const text = p({ Sid: 'public pull', Effect: 'Allow', Principal: '*', Action: pull });
    const fs = findings(RULE, text, rp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"*"');
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { AWS: '*' }, Action: pull, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), rp).length, 1);
  });
  it('accepts org, account, source and network conditions (any case)', () => {
    for (const c of [{ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }, { StringEquals: { 'aws:sourceaccount': '111122223333' } }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }]) {
      assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: '*', Action: pull, Condition: c }), rp).length, 0);
    }
  });
  it('does not flag Deny or named principals', () => {
    assert.equal(findings(RULE, p({ Effect: 'Deny', Principal: '*', Action: 'ecr:*' }), rp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: pull }), rp).length, 0);
  });
  it('is detected for an ecr-only policy with a principal and no Resource', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: '*', Action: pull })).length, 1);
  });
});
