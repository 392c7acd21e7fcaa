import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'iam/version';
const idp = { kind: 'identity-policy' as const };
const stmt = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe(RULE, () => {
  it('warns when Version is missing, on the Statement key, and the fix adds it', () => {
    const text = json({ Statement: [stmt] });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(flagged(text, fs[0]), '"Statement"');
    assert.equal(fs[0].fixes![0].safe, true);
    const fixed = applyFix(text, fs[0]);
    assert.equal(JSON.parse(fixed).Version, '2012-10-17');
    assert.equal(findings(RULE, fixed, idp).length, 0);
  });
  it('warns on 2008-10-17 and on an invalid version; the fix replaces the value', () => {
    for (const v of ['2008-10-17', '2012-10-18', 2012]) {
      const text = json({ Version: v, Statement: [stmt] });
      const f = findings(RULE, text, idp)[0];
      assert.equal(f.severity, 'warning');
      assert.equal(flagged(text, f), JSON.stringify(v));
      assert.equal(findings(RULE, applyFix(text, f), idp).length, 0);
    }
  });
  it('is an error for 2008-10-17 with policy variables', () => {
    const text = json({ Version: '2008-10-17', Statement: [{ ...stmt, Resource: 'arn:aws:s3:::b/${aws:username}/*' }] });
    assert.equal(findings(RULE, text, idp)[0].severity, 'error');
  });
  it('does not flag 2012-10-17 or a document without Statement (nothing to say yet)', () => {
    assert.equal(findings(RULE, json({ Version: '2012-10-17', Statement: [stmt] }), idp).length, 0);
    assert.equal(findings(RULE, '{}', idp).length, 0);
  });
});
