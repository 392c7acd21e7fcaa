import * as assert from 'node:assert/strict';
import { findings, flagged, json } from '../helpers';

const RULE = 'iam/principal-in-identity-policy';
const p = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });

describe(RULE, () => {
  it('flags Principal and NotPrincipal keys in an identity policy', () => {
    const text = p({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: 'x' }, Action: '*', Resource: '*' });
    const fs = findings(RULE, text, { kind: 'identity-policy' });
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"Principal"', '"NotPrincipal"']);
  });
  it('does not apply to resource-based policies', () => {
    const text = p({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' });
    for (const kind of ['trust-policy', 'endpoint-policy', 'ecr-repository-policy'] as const) assert.equal(findings(RULE, text, { kind }).length, 0);
  });
});
