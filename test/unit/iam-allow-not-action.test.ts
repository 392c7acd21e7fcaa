import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/allow-not-action';
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const idp = { kind: 'identity-policy' as const };

describe(RULE, () => {
  it('flags NotAction and NotResource keys of Allow statements', () => {
    const text = p({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"NotAction"', '"NotResource"']);
  });
  it('does not flag Deny with NotAction (the usual guard-rail pattern) or plain Action', () => {
    assert.equal(findings(RULE, p({ Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), idp).length, 0);
  });
  it('applies to resource policies too', () => {
    assert.equal(findings(RULE, p({ Effect: 'Allow', Principal: '*', NotAction: 'ecr:DeleteRepository' }), { kind: 'ecr-repository-policy' }).length, 1);
  });
});
