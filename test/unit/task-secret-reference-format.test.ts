import * as assert from 'node:assert/strict';
import { findings, flagged, lint, json, describeShape } from '../helpers';

const RULE = 'task/secret-reference-format';
const task = (containers: object[]) => ({ family: 'web', containerDefinitions: containers });
const sec = (valueFrom: unknown, name = 'b') => ({ name, image: 'x', secrets: [{ name: 'DB_PASSWORD', valueFrom }] });
const count = (valueFrom: unknown) => findings(RULE, json(task([sec(valueFrom)]))).length;
const SM = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
const SSM = 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password';

describe(RULE, () => {
  it('flags an ARN of another service on the value, in a later container', () => {
    const text = json(task([sec(SM, 'a'), sec('arn:aws:s3:::bucket/secret.txt')]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"arn:aws:s3:::bucket/secret.txt"');
    assert.match(fs[0].message, /secret "DB_PASSWORD" of container "b"/);
    assert.equal(fs[0].severity, 'error');
  });
  it('accepts Secrets Manager ARNs (with json-key suffixes), SSM ARNs and SSM names', () => {
    for (const v of [SM, `${SM}:password::`, `${SM}:username:AWSCURRENT:`, SSM, 'arn:aws:ssm:us-east-1:123456789012:parameter/plain', 'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x', '/prod/db/password', 'db_password', 'prod.db-pass']) {
      assert.equal(count(v), 0, v);
    }
  });
  it('flags versioned SSM parameters, malformed ARNs, empty and non-string values, and literal secrets', () => {
    for (const v of [`${SSM}:3`, '/prod/db/password:2', 'arn:aws:secretsmanager:region:aws_account_id:secret:name', 'arn:aws:secretsmanager:us-east-1:123456789012:secretname',
      'arn:aws:kms:us-east-1:123456789012:key/abc', '', 'my secret value!', 42, null]) {
      assert.equal(count(v), 1, JSON.stringify(v));
    }
    const fs = findings(RULE, json(task([sec(`${SSM}:3`)])));
    assert.match(fs[0].message, /version "3"/);
    assert.match(findings(RULE, json(task([sec('arn:aws:secretsmanager:region:aws_account_id:secret:name')])))[0].message, /region "region"/);
  });
  it('treats placeholders as unknown (never flagged)', () => {
    for (const v of ['arn:aws:secretsmanager:<region>:<account-id>:secret:<secret-name>', '${DB_SECRET_ARN}', '{{ tfstate `aws_secretsmanager_secret.db.arn` }}']) assert.equal(count(v), 0, v);
  });
  it('checks logConfiguration.secretOptions and repositoryCredentials', () => {
    const c = {
      name: 'a', image: 'x',
      logConfiguration: { logDriver: 'awsfirelens', secretOptions: [{ name: 'apiKey', valueFrom: `${SSM}:1` }, { name: 'ok', valueFrom: SM }] },
      repositoryCredentials: { credentialsParameter: '/prod/registry' },
    };
    const text = json(task([c]));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), [`"${SSM}:1"`, '"/prod/registry"']);
    assert.equal(findings(RULE, json(task([{ ...c, logConfiguration: {}, repositoryCredentials: { credentialsParameter: SM } }]))).length, 0);
  });
  it('works in the describe wrapper and a bare array; never throws', () => {
    assert.equal(findings(RULE, describeShape(task([sec('/p:1')]))).length, 1);
    assert.equal(findings(RULE, json([sec('/p:1')])).length, 1);
    for (const t of [json(task([{ name: 'a', secrets: null, logConfiguration: { secretOptions: 'x' }, repositoryCredentials: 1 }])), json(task([{ name: 'a', secrets: [null, 1, {}] }]))]) {
      assert.doesNotThrow(() => lint(t));
    }
  });
});
