import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/duplicate-sid';
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const idp = { kind: 'identity-policy' as const };

describe(RULE, () => {
  it('flags the second use of a Sid, on its value', () => {
    const text = p({ Sid: 'Pull', Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }, { Sid: 'Logs', Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }, { Sid: 'Pull', Effect: 'Allow', Action: 'ecr:GetDownloadUrlForLayer', Resource: '*' });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"Pull"');
    assert.ok(fs[0].offset > text.indexOf('"Logs"'));
    assert.match(fs[0].message, /statement 1/);
  });
  it('does not flag distinct Sids, Sids differing in case, empty or missing Sids', () => {
    assert.equal(findings(RULE, p({ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: 'a', Effect: 'Deny', Action: 's3:*', Resource: '*' }), idp).length, 0);
    assert.equal(findings(RULE, p({ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: '', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }), idp).length, 0);
  });
});
