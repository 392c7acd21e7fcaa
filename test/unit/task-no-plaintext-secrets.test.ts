import * as assert from 'node:assert/strict';
import { findings, flagged, lint, applyFix, json, describeShape } from '../helpers';
import { isCredentialName, nameTokens, credentialPattern } from '../../rules/task/secrets-heuristics';

const RULE = 'task/no-plaintext-secrets';
const task = (containers: object[]) => ({ family: 'web', networkMode: 'awsvpc', containerDefinitions: containers });
const env = (pairs: Record<string, unknown>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));
const one = (pairs: Record<string, unknown>) => json(task([{ name: 'app', image: 'x', environment: env(pairs) }]));
const count = (pairs: Record<string, unknown>) => findings(RULE, one(pairs)).length;

// Built at run time so the test source holds no complete credential strings (secret scanners on this repo stay quiet).
const AKIA = 'AKIA' + 'Q3EGRSTUVWXYZ234';
const JWT = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const GHP = 'ghp' + '_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';

describe(RULE, () => {
  it('flags a credential-named variable in a later container, on the name, without echoing the value', () => {
    const text = json(task([{ name: 'a', image: 'x' }, { name: 'b', image: 'y', environment: env({ LOG_LEVEL: 'info', DB_PASSWORD: 'Tr0ub4dor3xKq9vLmZ' }) }]));
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(flagged(text, fs[0]), '"DB_PASSWORD"');
    assert.equal(fs[0].severity, 'error');
    assert.match(fs[0].message, /container "b"/);
    assert.doesNotMatch(fs[0].message, /Tr0ub4dor/);
  });
  it('flags in the describe wrapper and in a bare container array', () => {
    const c = { name: 'a', image: 'x', environment: env({ API_KEY: 'f3a9c2e81b7d4c0e9a6b5d4c3b2a1f0e' }) };
    assert.equal(findings(RULE, describeShape(task([c]))).length, 1);
    assert.equal(findings(RULE, json([c])).length, 1);
  });
  it('flags the Security Hub ECS.8 names', () => {
    assert.equal(count({ ECS_ENGINE_AUTH_DATA: '{"https://index.docker.io/v1/":{"username":"u","password":"p4ssw0rd1"}}' }), 1);
    assert.equal(count({ AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9a8b7c6d' }), 1);
    const text = one({ AWS_ACCESS_KEY_ID: AKIA });
    assert.equal(flagged(text, findings(RULE, text)[0]), `"${AKIA}"`, 'value pattern: range on the value');
  });
  it('flags names by token, including camelCase and kebab/dot case', () => {
    for (const n of ['GITHUB_TOKEN', 'CLIENT_SECRET', 'apiKey', 'stripe-secret-key', 'db.passwd', 'MYSQL_ROOT_PASSWORD', 'REDIS_PASS', 'PRIVATE_KEY', 'SERVICE_CREDENTIALS', 'SECRET_KEY_BASE', 'AUTH_TOKEN_PROD']) {
      assert.equal(count({ [n]: 'q8Zr2LmP0vXc7Ns4' }), 1, n);
    }
  });
  it('flags credential formats in values under any name, on the value', () => {
    const cases: Record<string, string> = {
      FOO: AKIA,
      SESSION_DATA: JWT,
      GH: GHP,
      SLACK: 'xoxb' + '-123456789012-abcdefghijklmnop',
      PAY: 'sk_' + 'live_4eC39HqLyjWDarjtT1zdp7dc',
      MAPS: 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0KLmnOPqrStUvW',
      KEYFILE: '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIEow...',
      DATABASE_URL: 'postgres://app:s3cr3tPw@db.internal:5432/app',
      AWS_SECRET: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9a8b7c6d',
    };
    for (const [name, value] of Object.entries(cases)) {
      const text = one({ [name]: value });
      const fs = findings(RULE, text);
      assert.equal(fs.length, 1, name);
      assert.equal(flagged(text, fs[0]), JSON.stringify(value), name);
    }
  });
  it('does not flag names that merely contain a credential word (Trivy substring trap)', () => {
    for (const n of ['TOKENIZER_MODE', 'SECRETARY_NAME', 'PASSPORT_STRATEGY', 'PASS_THROUGH_HEADERS', 'CACHE_KEY', 'S3_KEY_PREFIX']) {
      assert.equal(count({ [n]: 'q8Zr2LmP0vXc7Ns4' }), 0, n);
    }
  });
  it('does not flag names that describe a credential rather than hold it', () => {
    for (const [n, v] of Object.entries({
      SECRET_ARN: 'my-app/db', JWT_SECRET_ARN: 'prod/jwt', DB_PASSWORD_FILE: 'creds.txt', TOKEN_URL: 'auth.internal/token', GITHUB_TOKEN_PATH: 'a/b',
      SECRET_NAME: 'prod/db', API_KEY_ID: 'k-123abc', TOKEN_EXPIRY_SECONDS: 'about-an-hour', PASSWORD_MIN_LENGTH: 'twelve', TOKEN_TYPE: 'Bearer',
      MAX_TOKENS: 'unlimited', USE_PASSWORD: 'always', OAUTH_TOKEN_ENDPOINT: 'idp.internal',
    })) assert.equal(count({ [n]: v }), 0, n);
  });
  it('does not flag references, placeholders, fake, empty, boolean or small numeric values', () => {
    for (const v of [
      '', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf', '${DB_PASSWORD}', '{{ must_env `DB_PASSWORD` }}', '<YOUR_DATADOG_API_KEY>',
      'changeme', 'EXAMPLE-password', 'dummy', 'xxxxxxxx', 'true', 'false', '3600', '30s', '/run/secrets/db_password', 'https://vault.internal/v1/secret',
      'ssm:/prod/db/password', '#{DbPassword}', '__DB_PASSWORD__',
    ]) assert.equal(count({ DB_PASSWORD: v }), 0, JSON.stringify(v));
    assert.equal(count({ TOKEN_TTL: '3600' }), 0);
    assert.equal(count({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' }), 0, 'AWS documentation key');
    assert.equal(count({ DATABASE_URL: 'postgres://app:${DB_PASSWORD}@db:5432/app' }), 0);
    assert.equal(count({ DB_PASSWORD: 42 }), 0, 'non-string value: schema problem, not a secret');
  });
  it('does not flag ordinary hyphenated values (Trivy sk- trap) or IAM unique ids', () => {
    for (const v of ['my-task-runner', 'ecs-task-definition', 'disk-usage', 'task-sk-abc123']) assert.equal(count({ WORKER: v }), 0, v);
    assert.equal(count({ OWNER: 'AIDA' + 'JQABLZS4A3QDU576Q' }), 0);
    assert.equal(count({ ROLE_UNIQUE_ID: 'AROA' + 'JQABLZS4A3QDU576Q' }), 0);
    assert.equal(count({ CHECKSUM: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' }), 0, '40 chars without an AWS name');
  });
  it('does not read secrets[] (Steampipe trap) or environmentFiles', () => {
    const text = json(task([{
      name: 'a', image: 'x',
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
      environmentFiles: [{ value: 'arn:aws:s3:::bucket/secrets.env', type: 's3' }],
    }]));
    assert.equal(findings(RULE, text).length, 0);
  });
  it('never throws on malformed input', () => {
    for (const t of [
      json(task([{ name: 'a', environment: null }])), json(task([{ name: 'a', environment: [null, 1, 'x', { name: 5 }, { value: 'p' }] }])),
      json(task([{ name: 'a', environment: { DB_PASSWORD: 'x' } }])), '{"containerDefinitions":[{"name":"a","environment":[{"name":"DB_PASSWORD","value":"q8Zr2LmP0vXc',
    ]) assert.doesNotThrow(() => lint(t));
  });
  it('fix moves the entry to a new "secrets" array with a placeholder ARN; re-lint is clean', () => {
    const text = one({ LOG_LEVEL: 'info', DB_PASSWORD: 'Tr0ub4dor3xKq9vLmZ', REGION: 'us-east-1' });
    const f = findings(RULE, text)[0];
    assert.equal(f.fixes![0].safe, false);
    assert.notEqual(f.fixes![0].preferred, true);
    const fixed = applyFix(text, f);
    const c = JSON.parse(fixed).containerDefinitions[0];
    assert.deepEqual(c.environment.map((e: { name: string }) => e.name), ['LOG_LEVEL', 'REGION']);
    assert.equal(c.secrets.length, 1);
    assert.equal(c.secrets[0].name, 'DB_PASSWORD');
    assert.match(c.secrets[0].valueFrom, /^arn:aws:secretsmanager:<region>:<account-id>:secret:<secret-name>$/);
    assert.equal(findings(RULE, fixed).length, 0);
    assert.equal(findings('task/secret-reference-format', fixed).length, 0, 'placeholder ARN is not flagged');
    assert.ok(!fixed.includes('Tr0ub4dor'));
  });
  it('fix appends to an existing "secrets" array and works in the describe wrapper', () => {
    const text = describeShape(task([{ name: 'a', image: 'x', environment: env({ GITHUB_TOKEN: GHP }), secrets: [{ name: 'X', valueFrom: '/prod/x' }] }]));
    const fixed = applyFix(text, findings(RULE, text)[0]);
    const c = JSON.parse(fixed).taskDefinition.containerDefinitions[0];
    assert.deepEqual(c.environment, []);
    assert.deepEqual(c.secrets.map((s: { name: string }) => s.name), ['X', 'GITHUB_TOKEN']);
    assert.equal(findings(RULE, fixed).length, 0);
  });
  it('fix works when the entry is the last one before a new "secrets" property (edits must not overlap)', () => {
    for (const text of [one({ A: '1', DB_PASSWORD: 'Tr0ub4dor3xKq9vLmZ' }), one({ DB_PASSWORD: 'Tr0ub4dor3xKq9vLmZ' }), JSON.stringify(task([{ name: 'a', environment: env({ A: '1', DB_PASSWORD: 'Tr0ub4dor3xKq9vLmZ' }) }]))]) {
      const f = findings(RULE, text)[0];
      assert.ok(f.fixes?.length, 'fix offered');
      const fixed = applyFix(text, f);
      assert.equal(JSON.parse(fixed).containerDefinitions[0].secrets[0].name, 'DB_PASSWORD');
      assert.equal(findings(RULE, fixed).length, 0);
    }
  });
  it('tokenises names on separators and camelCase', () => {
    assert.deepEqual(nameTokens('stripeSecretKey'), ['stripe', 'secret', 'key']);
    assert.deepEqual(nameTokens('DB_PASSWORD-file.v2'), ['db', 'password', 'file', 'v2']);
    assert.deepEqual(nameTokens('OAuthTOKEN'), ['o', 'auth', 'token']);
    assert.equal(isCredentialName('TOKEN'), true);
    assert.equal(isCredentialName('TOKENS_PER_MINUTE'), false);
    assert.equal(credentialPattern('just some words', 'X'), undefined);
  });
});
