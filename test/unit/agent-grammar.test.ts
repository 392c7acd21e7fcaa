// Tokenisation snapshots of syntaxes/ecs-agent-config.tmLanguage.json with the real TextMate engine VS Code uses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
const SCOPE = 'source.ecs-agent-config';

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function grammar(): Promise<vsctm.IGrammar> {
  return (grammarPromise ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== SCOPE) return null;
        const path = join(ROOT, 'syntaxes', 'ecs-agent-config.tmLanguage.json');
        return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
      },
    });
    const g = await registry.loadGrammar(SCOPE);
    if (!g) throw new Error('grammar not loaded');
    return g;
  })());
}

/** Each non-blank token as "text => innermost scope without the language suffix". */
async function tokens(text: string): Promise<string[][]> {
  const g = await grammar();
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens
      .map((t) => {
        const scope = t.scopes[t.scopes.length - 1];
        return `${line.slice(t.startIndex, t.endIndex)} => ${scope === SCOPE ? '-' : scope.replace('.ecs-agent-config', '')}`;
      })
      .filter((s) => !/^\s* => -$/.test(s));
  });
}

describe('ecs-agent-config grammar', () => {
  it('is valid JSON with the expected scope name', () => {
    const raw = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'ecs-agent-config.tmLanguage.json'), 'utf8'));
    assert.equal(raw.scopeName, SCOPE);
    const lc = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'language-configuration.json'), 'utf8'));
    assert.equal(lc.comments.lineComment, '#');
  });

  it('tokenises keys, separators and typed values', async () => {
    assert.deepEqual(await tokens('ECS_CLUSTER=prod\nECS_AWSVPC_BLOCK_IMDS=true\nECS_IMAGE_PULL_TIMEOUT=1h30m\nECS_RESERVED_MEMORY=256'), [
      ['ECS_CLUSTER => variable.other.key', '= => punctuation.separator.key-value', 'prod => string.unquoted.value'],
      ['ECS_AWSVPC_BLOCK_IMDS => variable.other.key', '= => punctuation.separator.key-value', 'true => constant.language.boolean'],
      ['ECS_IMAGE_PULL_TIMEOUT => variable.other.key', '= => punctuation.separator.key-value', '1h30m => constant.numeric.duration'],
      ['ECS_RESERVED_MEMORY => variable.other.key', '= => punctuation.separator.key-value', '256 => constant.numeric'],
    ]);
  });

  it('tokenises comments, export, quoted and JSON values', async () => {
    assert.deepEqual(await tokens('# cluster settings\nexport ECS_LOGLEVEL="debug"\nECS_INSTANCE_ATTRIBUTES={"stack": "prod"}'), [
      ['# => punctuation.definition.comment', ' cluster settings => comment.line.number-sign'],
      ['export => storage.modifier.export', 'ECS_LOGLEVEL => variable.other.key', '= => punctuation.separator.key-value', '"debug" => string.quoted'],
      ['ECS_INSTANCE_ATTRIBUTES => variable.other.key', '= => punctuation.separator.key-value', '{"stack": "prod"} => meta.embedded.json'],
    ]);
  });

  it('does not treat a value that merely starts like a boolean or a number as one', async () => {
    assert.deepEqual(await tokens('ECS_CLUSTER=true-cluster\nECS_CLUSTER=10s-apart\nECS_CLUSTER='), [
      ['ECS_CLUSTER => variable.other.key', '= => punctuation.separator.key-value', 'true-cluster => string.unquoted.value'],
      ['ECS_CLUSTER => variable.other.key', '= => punctuation.separator.key-value', '10s-apart => string.unquoted.value'],
      ['ECS_CLUSTER => variable.other.key', '= => punctuation.separator.key-value'],
    ]);
  });

  it('leaves lines without "=" unscoped (ecs-init ignores them)', async () => {
    assert.deepEqual(await tokens('just some text'), [['just some text => -']]);
  });
});
