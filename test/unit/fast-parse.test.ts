// The strict-JSON fast path must build exactly jsonc-parser's tree, and must refuse (fall back) whenever jsonc-parser
// would report an error or the text uses JSONC extensions.
import * as assert from 'node:assert/strict';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseStrict } from '../../rules/core/fast-parse';
import { parseJson } from '../../rules';

import { jsonInputs } from '../inputs';

/** The tree without parent links, as plain data, for deepEqual (parents are checked separately). */
function plain(n: any): unknown {
  const out: any = { type: n.type, offset: n.offset, length: n.length };
  if ('value' in n) out.value = n.value;
  if ('colonOffset' in n) out.colonOffset = n.colonOffset;
  if (n.children) out.children = n.children.map(plain);
  return out;
}

function checkParents(n: any): void {
  for (const c of n.children ?? []) { assert.equal(c.parent, n); checkParents(c); }
}

function reference(text: string): { root: unknown; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, errors };
}

/** Fast path accepted => same tree as jsonc-parser and jsonc-parser saw no error. */
function agree(text: string): boolean {
  const fast = parseStrict(text, 256);
  if (!fast) return false;
  const ref = reference(text);
  assert.deepEqual(ref.errors, [], `fast path accepted text jsonc-parser rejects: ${JSON.stringify(text.slice(0, 80))}`);
  assert.deepEqual(plain(fast), plain(ref.root));
  assert.ok(!('parent' in fast), 'root has no parent, as in parseTree');
  checkParents(fast);
  return true;
}

describe('strict JSON fast parser', () => {
  it('builds the same tree as jsonc-parser on every example and fixture JSON file, all taking the fast path', () => {
    const files = jsonInputs();
    assert.ok(files.length > 20, `${files.length} JSON inputs`);
    assert.deepEqual(files.filter((f) => !agree(f.text)).map((f) => f.name), [], 'strict JSON files that took the slow path');
  });

  it('matches jsonc-parser on scalars, escapes, numbers and nesting', () => {
    for (const t of ['0', '-0', '1.5e+3', '-12.25E-2', '1e999', 'true', 'false', 'null', '""', '"a\\"b\\\\c\\u00e9\\n"',
      '"\\ud800"', '[]', '{}', ' [ 1 , [ {"a" : {}} ] ] ', '{"a":1,"a":2}', '{"\\u0041":[true,false,null]}', '\n\r\t{"x":"\u2028"}\n']) {
      assert.ok(agree(t), `fast path refused ${JSON.stringify(t)}`);
    }
  });

  it('falls back on JSONC, errors and unusual whitespace', () => {
    for (const t of ['', '   ', '{"a":1,}', '[1,]', '// c\n{}', '{/*c*/}', '01', '1.', '-', '1e', 'tru', 'truex', '{"a" 1}',
      '{"a":1 "b":2}', '"a\nb"', '"\\x"', '{"a":1}}', '\uFEFF{}', '{}\u00A0', '{"a":[1}', "{'a':1}", '[1 2]', '{a:1}', 'NaN']) {
      assert.equal(parseStrict(t, 256), undefined, `fast path accepted ${JSON.stringify(t)}`);
    }
  });

  it('falls back beyond the depth limit, so parseJson still refuses too-deep documents', () => {
    assert.ok(parseStrict('['.repeat(256) + ']'.repeat(256), 256));
    assert.equal(parseStrict('['.repeat(257) + ']'.repeat(257), 256), undefined);
    assert.equal(parseJson('['.repeat(300) + ']'.repeat(300)).tooDeep, true);
  });

  it('never disagrees with jsonc-parser on mutated example text (seeded)', () => {
    let seed = 12345;
    const r = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const files = jsonInputs().map((f) => f.text);
    const chars = [...'{}[]",:\\0123456789-+.eE tfn/\n', '\u0000', '\u00A0'];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const base = files[i % files.length];
      const at = Math.floor(r() * base.length);
      const text = r() < 0.5
        ? base.slice(0, at) + chars[Math.floor(r() * chars.length)] + base.slice(at)
        : base.slice(0, at) + base.slice(at + 1);
      if (agree(text)) accepted++;
    }
    assert.ok(accepted > 100, 'some mutations stay valid JSON and take the fast path');
  });
});
