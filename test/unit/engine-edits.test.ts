import * as assert from 'node:assert/strict';
import { removeValue, setValue, applyEdits } from '../../rules/core/edits';
import { Engine, defaultEngine, type Rule } from '../../rules';

const remove = (text: string, path: (string | number)[]) => applyEdits(text, removeValue(text, path));

describe('core edits', () => {
  it('setValue returns no edits instead of throwing where jsonc-parser cannot edit (found by the 1M fuzz run)', () => {
    assert.deepEqual(setValue('[[{"Version":1}]]', ['Version'], '2012-10-17'), []);
  });
  it('setValue stays fast on a line of thousands of brackets, keeping a valid unformatted edit (1M fuzz run: 40 s)', () => {
    // 2,000 openers: far past the formatting limit (256), and shallow enough for jsonc-parser's recursive parse, which
    // overflowed the stack at 4,000 in the full suite (its frames are larger there), leaving no edit at all.
    const deep = '{\n  "a": 1,\n  "Condition": { "X": [' + '['.repeat(2000) + ' }\n}';
    const start = performance.now();
    const edits = setValue(deep, ['Condition', 'StringEquals'], { k: 'v' });
    assert.ok(performance.now() - start < 1000, 'bounded');
    assert.equal(edits.length, 1);
    assert.ok(edits[0].content.includes('"StringEquals"'));
    // A short line is still formatted like the document.
    assert.equal(applyEdits('{\n  "a": 1\n}', setValue('{\n  "a": 1\n}', ['b'], 2)), '{\n  "a": 1,\n  "b": 2\n}');
  });
  it('the trust policy fuzz input that stalled confused-deputy\'s fix lints in bounded time (6 s before, 60 ms now)', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ecs-tasks.amazonaws.com" },\n      "Action": "sts: "x",\n      "Condition": {\n        "ArnLike": '
      + '['.repeat(4000) + ']'.repeat(4000) + ', { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" }\n      }\n    }\n  ]\n}\n';
    const start = performance.now();
    defaultEngine().lint(text, { kind: 'trust-policy' });
    assert.ok(performance.now() - start < 2000, `took ${Math.round(performance.now() - start)} ms`);
  });
  it('the engine drops a fix whose edits are empty rather than offering a no-op', () => {
    const rule: Rule = {
      meta: { id: 'test/empty-fix', kinds: ['identity-policy'], defaultSeverity: 'warning', description: 'test', references: [], fixable: true },
      check: (ctx) => ctx.report({ message: 'm', offset: 0, length: 1, fixes: [{ title: 'noop', edits: [], safe: true }, { title: 'real', edits: [{ offset: 0, length: 0, content: ' ' }], safe: true }] }),
    };
    const [f] = new Engine([rule]).lint('{"Statement":[]}', { kind: 'identity-policy' }).findings;
    assert.deepEqual(f.fixes?.map((x) => x.title), ['real']);
  });
  it('removes array elements in minified JSON without corrupting it (jsonc-parser 3.3 bug)', () => {
    assert.equal(remove('{"a":[{"x":1},{"y":2}]}', ['a', 1]), '{"a":[{"x":1}]}');
    assert.equal(remove('{"a":[1,2,3]}', ['a', 2]), '{"a":[1,2]}');
    assert.equal(remove('{"a":[1,2,3]}', ['a', 0]), '{"a":[2,3]}');
    assert.equal(remove('{"a":[1]}', ['a', 0]), '{"a":[]}');
    assert.deepEqual(removeValue('{"a":[1]}', ['a', 5]), []);
  });
  it('removes properties without re-laying out a minified document', () => {
    assert.equal(remove('{"a":{"b":1,"c":2}}', ['a', 'c']), '{"a":{"b":1}}');
  });
  it('removes a property from pretty JSON keeping the other lines', () => {
    const text = '{\n  "a": 1,\n  "b": true,\n  "c": 3\n}';
    assert.equal(remove(text, ['b']), '{\n  "a": 1,\n  "c": 3\n}');
  });
  it('sets values with the document indentation', () => {
    const text = '{\n    "a": 1\n}';
    assert.equal(applyEdits(text, setValue(text, ['b'], 'x')), '{\n    "a": 1,\n    "b": "x"\n}');
  });
});
