import * as assert from 'node:assert/strict';
import { removeValue, setValue, applyEdits } from '../../rules/core/edits';

const remove = (text: string, path: (string | number)[]) => applyEdits(text, removeValue(text, path));

describe('core edits', () => {
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
