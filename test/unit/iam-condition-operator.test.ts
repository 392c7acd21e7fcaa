import * as assert from 'node:assert/strict';
import { applyFix, findings, flagged, json } from '../helpers';

const RULE = 'iam/condition-operator';
const idp = { kind: 'identity-policy' as const };
const withCondition = (Condition: unknown, Effect = 'Allow') =>
  json({ Version: '2012-10-17', Statement: [{ Effect, Action: 's3:GetObject', Resource: '*', Condition }] });

describe(RULE, () => {
  it('flags an unknown operator on its key and suggests the nearest, keeping IfExists and set prefixes', () => {
    const text = withCondition({ StringEqual: { 'aws:SourceVpce': 'vpce-1' }, 'ForAnyValue:StringLikeIfExist': { 'aws:TagKeys': 'a' }, NullIfExists: { 'aws:SourceVpce': 'true' } });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"StringEqual"', '"ForAnyValue:StringLikeIfExist"', '"NullIfExists"']);
    assert.ok(fs.every((f) => f.severity === 'error'));
    assert.match(fs[0].message, /Did you mean "StringEquals"/);
    const fixed = applyFix(text, fs[0]);
    assert.ok(fixed.includes('"StringEquals": {'));
    assert.match(fs[1].message, /"ForAnyValue:StringLikeIfExists"/);
  });
  it('flags a wildcard under StringEquals on the value; the fix switches to StringLike and re-lints clean', () => {
    const text = withCondition({ StringEqualsIfExists: { 'aws:SourceArn': ['arn:aws:ecs:us-east-1:123456789012:*'] } }, 'Deny');
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"arn:aws:ecs:us-east-1:123456789012:*"');
    assert.equal(fs[0].severity, 'error');
    const fix = fs[0].fixes![0];
    assert.equal(fix.safe, false);
    assert.notEqual(fix.preferred, true);
    const fixed = applyFix(text, fs[0]);
    assert.ok(fixed.includes('"StringLikeIfExists"'));
    assert.equal(findings(RULE, fixed, idp).length, 0);
  });
  it('warns about ArnEquals with a wildcard (it matches like ArnLike) and offers ArnLike', () => {
    const text = withCondition({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.ok(applyFix(text, fs[0]).includes('"ArnNotLike"'));
  });
  it('flags wildcards under StringEqualsIgnoreCase without a fix (there is no case-insensitive Like)', () => {
    const text = withCondition({ StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'ops-*' } });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"ops-*"');
    assert.deepEqual(fs[0].fixes, []);
  });
  it('offers no rename when the Like operator already exists in the block', () => {
    const text = withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'a*' }, StringLike: { 'aws:SourceVpce': 'vpce-*' } });
    const fs = findings(RULE, text, idp);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
  });
  it('ignores escaped ${*} and ${?}, policy variables, and Like operators', () => {
    const text = withCondition({
      StringEquals: { 'aws:PrincipalTag/a': 'literal-${*}-${?}', 's3:prefix': '${aws:username}/' },
      StringLike: { 'aws:SourceVpce': 'vpce-*' }, ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:*:*:*' },
    });
    assert.equal(findings(RULE, text, idp).length, 0);
  });
  it('flags operator families that do not fit the key type, on the key', () => {
    const text = withCondition({ NumericLessThan: { 'aws:SourceVpce': '5' }, StringEquals: { 'aws:SourceIp': '10.0.0.0/8' }, DateGreaterThan: { 'aws:SecureTransport': '2020-01-01' } });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"aws:SourceVpce"', '"aws:SourceIp"', '"aws:SecureTransport"']);
    assert.match(fs[0].message, /type String: use a String or Arn operator/);
  });
  it('accepts String operators on ARN keys, Bool keys compared as strings, numeric epoch time, IpAddress', () => {
    const text = withCondition({
      StringEquals: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:cluster/x', 'ecs:cluster': 'arn:aws:ecs:us-east-1:123456789012:cluster/x', 'aws:ViaAWSService': 'true' },
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/*' },
      NumericLessThan: { 'aws:EpochTime': '1700000000', 'aws:MultiFactorAuthAge': '3600' },
      DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      Null: { 'aws:TokenIssueTime': 'true' },
      StringEqualsIgnoreCase: { 'unknown:key': 'x' },
    });
    assert.deepEqual(findings(RULE, text, idp).map((f) => flagged(text, f)), []);
  });
  it('warns about ForAllValues/ForAnyValue on single-valued keys only', () => {
    const text = withCondition({
      'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1', 'aws:TagKeys': ['a', 'b'] },
      'ForAnyValue:StringLike': { 'aws:CalledVia': 'cloudformation.amazonaws.com', 'aws:SourceVpce': 'vpce-*' },
    });
    const fs = findings(RULE, text, idp);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"aws:PrincipalOrgID"', '"aws:SourceVpce"']);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.match(fs[0].message, /true when the key is absent/);
  });
  it('never throws on wrong types', () => {
    for (const c of [5, 'x', [], { StringEquals: 'x' }, { StringEquals: { 'aws:SourceVpce': 5 } }, { StringEquals: { 'aws:SourceVpce': [null, 'a*'] } }, { '': {} }]) {
      findings(RULE, withCondition(c), idp);
    }
    findings(RULE, '{"Statement": {"Condition": {"StringEqu', idp);
  });
});
