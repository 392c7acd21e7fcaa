// Templated values users commit (issue 15): `$$NAME$$` and `<PLACEHOLDER>` slots are unknown, like `${VAR}` and `{{ }}`.
import * as assert from 'node:assert/strict';
import { json, lint } from '../helpers';

const task = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => json({
  family: 'f', networkMode: 'awsvpc', ...extra,
  containerDefinitions: [{ name: 'a', essential: true, user: '1000', readonlyRootFilesystem: true, image: 'nginx:1.27', ...c }],
});
const ids = (text: string) => lint(text).findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId);

describe('templated values: $$NAME$$ and <PLACEHOLDER>', () => {
  for (const slot of ['$$DB_PASSWORD$$', '<DB_PASSWORD>', '${DB_PASSWORD}', '{{ db_password }}']) {
    it(`${slot}: a credential-named variable holding the slot is not a plaintext secret`, () => {
      assert.deepEqual(ids(task({ environment: [{ name: 'DB_PASSWORD', value: slot }] })).filter((i) => i === 'task/no-plaintext-secrets'), []);
    });
  }

  it('an image that is one slot is not judged; a literal tag after a slot is', () => {
    assert.deepEqual(ids(task({ image: '$$IMAGE$$' })).filter((i) => i === 'task/image-pinned'), []);
    assert.deepEqual(ids(task({ image: '<IMAGE1_NAME>' })).filter((i) => i === 'task/image-pinned'), []);
    assert.deepEqual(ids(task({ image: '$$REPO$$:latest' })).filter((i) => i === 'task/image-pinned'), ['task/image-pinned']);
  });

  it('role and secret ARNs with slots are not malformed, and the same slotted role is not "the same role"', () => {
    const arn = 'arn:aws:iam::$$ACCOUNT_ID$$:role/$$ROLE$$';
    const text = task({ secrets: [{ name: 'X', valueFrom: 'arn:aws:secretsmanager:$$REGION$$:$$ACCOUNT$$:secret:x' }] }, { taskRoleArn: arn, executionRoleArn: arn });
    assert.deepEqual(ids(text).filter((i) => /format|separate/.test(i)), []);
  });

  it('a still-real problem next to a slot is reported', () => {
    assert.ok(ids(task({ image: '$$IMAGE$$', privileged: true })).includes('task/no-privileged'));
    const secret = task({ environment: [{ name: 'DB_PASSWORD', value: 'hunter2-for-real' }, { name: 'API_TOKEN', value: '$$API_TOKEN$$' }] });
    assert.equal(lint(secret).findings.filter((f) => f.ruleId === 'task/no-plaintext-secrets').length, 1);
  });
});
