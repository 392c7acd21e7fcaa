import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, lint } from '../helpers';

const RULE = 'iam/strict-json';
const idp = { kind: 'identity-policy' as const };

describe(RULE, () => {
  it('flags a trailing comma (as in the AWS ECR endpoint example) and the safe fix removes it', () => {
    const text = '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": "*",\n      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",],\n      "Resource": "*"\n    },\n  ]\n}\n';
    const fs = findings(RULE, text, { kind: 'endpoint-policy' });
    assert.equal(fs.length, 2);
    assert.ok(fs.every((f) => flagged(text, f) === ','));
    let fixed = applyFix(text, fs[0]);
    fixed = applyFix(fixed, findings(RULE, fixed, { kind: 'endpoint-policy' })[0]);
    JSON.parse(fixed);
    assert.equal(findings(RULE, fixed, { kind: 'endpoint-policy' }).length, 0);
  });
  it('flags line and block comments; the fix removes a comment line entirely', () => {
    const text = '{\n  // task role\n  "Version": "2012-10-17", /* why */\n  "Statement": []\n}';
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['// task role', '/* why */']);
    const fixed = applyFix(text, fs[0]);
    assert.equal(fixed, '{\n  "Version": "2012-10-17", /* why */\n  "Statement": []\n}');
    const fixed2 = applyFix(fixed, findings(RULE, fixed, idp)[0]);
    assert.deepEqual(JSON.parse(fixed2), { Version: '2012-10-17', Statement: [] });
  });
  it('flags duplicate keys in the same object, not across objects', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}';
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"Action"');
    assert.equal(fs[0].offset, text.lastIndexOf('"Action": "s3:PutObject"'));
  });
  it('flags single-quoted strings and converts them to double quotes', () => {
    const text = "{\"Version\": '2012-10-17', \"Statement\": []}";
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), "'2012-10-17'");
    const fixed = applyFix(text, fs[0]);
    assert.deepEqual(JSON.parse(fixed), { Version: '2012-10-17', Statement: [] });
  });
  it('does not flag strict JSON, commas or slashes inside strings', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "a,]//b", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}';
    assert.equal(findings(RULE, text, idp).length, 0);
  });
  it('never throws on truncated documents', () => {
    for (const t of ['{"Statement": [', "{'a", '{"a": 1,', '/* unterminated']) {
      assert.equal(lint(t, idp).findings.filter((f) => f.ruleId === 'internal/rule-error').length, 0, t);
    }
  });
});
