// Packaging: the .vsix holds only what runs, and the manifest matches what the client registers.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/,
  /^dist\/(extension|server|cli)\.js$/,
  /^dist\/tree-sitter(-terraform)?\.wasm$/,
  /^syntaxes\/[^/]+\.json$/,
  /^schemas\/[^/]+\.schema\.json$/, /^snippets\/[^/]+\.code-snippets$/,
  /^rules\/docs\/.+\.md$/,
  /^images\/icon\.png$/,
];

describe('packaging', () => {
  let files: string[];
  before(function () {
    this.timeout(60000);
    // `vsce ls` reads .vscodeignore and package.json only: fast and offline.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    files = r.stdout.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  });

  it('ships only runtime files (bundles, grammar, docs pages, metadata)', () => {
    const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(unexpected, []);
    assert.ok(!files.some((f) => /\.ts$|^node_modules\/|^(client|server|cli|test|scripts|out[^/]*)\//.test(f)));
  });

  it('ships the three bundles, the Terraform grammar and the package metadata', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm']) {
      assert.ok(files.includes(f), `${f} missing from the package`);
    }
  });

  it('ships every rule docs page (opened by "Show documentation")', () => {
    const pages = walk(join(ROOT, 'rules', 'docs')).filter((p) => p.endsWith('.md')).map((p) => relative(ROOT, p).split('\\').join('/'));
    assert.ok(pages.length > 0);
    assert.deepEqual(pages.filter((p) => !files.includes(p)), []);
  });

  it('ships the grammar and language configuration the manifest points at', () => {
    const paths = [
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...(pkg.contributes.jsonValidation ?? []).map((j: { url: string }) => j.url),
      ...(pkg.contributes.snippets ?? []).map((j: { path: string }) => j.path),
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const p of paths) {
      assert.ok(existsSync(join(ROOT, p)), `${p} referenced by package.json does not exist`);
      assert.ok(files.includes(p), `${p} missing from the package`);
    }
  });
});

describe('manifest', () => {
  const props = pkg.contributes.configuration.properties;
  const clientSource = ['extension.ts', 'status.ts', 'setKind.ts', 'docs.ts'].map((f) => readFileSync(join(ROOT, 'client', f), 'utf8')).join('\n');

  it('declares every setting with a markdown description and resource scope', () => {
    for (const key of ['ecsLint.enable', 'ecsLint.run', 'ecsLint.rules', 'ecsLint.files.associations', 'ecsLint.maxFileSizeKb', 'ecsLint.maxDiagnostics', 'ecsLint.trace.server']) {
      assert.ok(props[key], `${key} missing`);
      assert.ok(props[key].markdownDescription, `${key} has no markdownDescription`);
      if (key !== 'ecsLint.trace.server') assert.equal(props[key].scope, 'resource', key);
    }
    assert.deepEqual(props['ecsLint.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(props['ecsLint.rules'].additionalProperties.enum, ['off', 'error', 'warning', 'info', 'hint']);
    assert.equal(props['ecsLint.maxFileSizeKb'].default, 5000);
    assert.equal(props['ecsLint.maxDiagnostics'].default, 1000);
  });

  it('lists every document kind the engine knows in the associations enum', () => {
    // Loaded from the compiled engine so a new kind cannot be forgotten here.
    const { DOCUMENT_KINDS } = require('../../rules') as { DOCUMENT_KINDS: readonly string[] };
    assert.deepEqual([...props['ecsLint.files.associations'].additionalProperties.enum].sort(), [...DOCUMENT_KINDS].sort());
  });

  it('registers in the client every command it contributes, and the docs command the server sends', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, ['ecsLint.lintWorkspace', 'ecsLint.restartServer', 'ecsLint.setDocumentKind', 'ecsLint.showDocumentation', 'ecsLint.showOutput']);
    for (const c of contributed) assert.ok(clientSource.includes(`registerCommand('${c}'`), `${c} not registered in client/`);
  });

  it('activates lightly and declares trust and virtual workspace support', () => {
    assert.deepEqual(pkg.activationEvents.filter((e: string) => !e.startsWith('onLanguage:') && !e.startsWith('workspaceContains:')), []);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(pkg.capabilities.untrustedWorkspaces.description);
    assert.ok(pkg.capabilities.virtualWorkspaces.description);
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.bin['ecs-lint'], './dist/cli.js');
  });

  it('activates for .tf files and CloudFormation templates whatever their language id, and lints them by file name', () => {
    // Without the HashiCorp extension a .tf file is Plain Text; a folder may hold nothing else.
    for (const e of ['workspaceContains:**/*.tf', 'onLanguage:plaintext', 'onLanguage:terraform', 'onLanguage:yaml', 'onLanguage:json']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
    const { DOCUMENT_SELECTOR } = require('../../client/selector') as { DOCUMENT_SELECTOR: { scheme: string; language?: string; pattern?: string }[] };
    const patterns = DOCUMENT_SELECTOR.filter((f) => f.pattern && !f.language).map((f) => f.pattern!);
    for (const file of ['/w/main.tf', '/w/infra/stack.template', '/w/cfn/stack.yaml', '/w/cfn/stack.yml', '/w/cdk.out/App.template.json', '/w/etc/ecs/ecs.config', '/w/prod.ecs.config', '/w/user-data.sh']) {
      assert.ok(patterns.some((g) => picomatch(g)(file)), `${file} is not selected by file name`);
    }
  });

  it('names its repository, bugs, homepage, icon, categories and keywords (Marketplace, Open VSX)', () => {
    assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/ecs-security-lint\.git$/);
    assert.equal(pkg.bugs.url, pkg.repository.url.replace(/\.git$/, '/issues'));
    assert.ok(pkg.homepage.startsWith(pkg.repository.url.replace(/\.git$/, '')));
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(pkg.categories.includes('Linters'));
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    assert.ok(!/--allow-missing-repository/.test(pkg.scripts.package));
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## ${pkg.version}`), `CHANGELOG.md has no entry for ${pkg.version}`);
  });
});
