import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyWorkspaceEdit, editVersion, fileUri, isCodeAction, lineOfText, rangeOf, TestClient, waitFor } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const taskdef = (containers: object[], extra: object = {}) =>
  json({ family: 'web', networkMode: 'awsvpc', ...extra, containerDefinitions: containers });

async function quickFixes(client: TestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
  return actions.filter(isCodeAction).filter((a) => a.edit);
}

/** Pull until the rule's diagnostic is gone (or fail); the text must be re-sent with didChange first. */
async function fixAndRelint(client: TestClient, uri: string, ruleId: string, action: CodeAction): Promise<string> {
  const fixed = applyWorkspaceEdit(client.texts.get(uri)!, uri, action.edit!);
  client.change(uri, fixed);
  const after = await client.pull(uri);
  assert.equal(after.filter((x) => x.code === ruleId).length, 0, `${ruleId} still reported after its fix`);
  return fixed;
}

describe('LSP pull diagnostics and code actions', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  it('advertises pull diagnostics, code actions and hover', () => {
    const caps = client.initializeResult.capabilities;
    // interFileDependencies: a .tf file's findings depend on the other files of its module.
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'ecs-lint', interFileDependencies: true, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.ecs-lint'], resolveProvider: true });
    assert.equal(caps.hoverProvider, true);
  });

  it('reports task/no-privileged on the second container\'s line, then the quick fix clears it', async () => {
    const uri = fileUri('pull-privileged/taskdef.json');
    client.open(uri, taskdef([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]));
    assert.equal((await client.pull(uri)).filter((d) => d.code === 'task/no-privileged').length, 0);

    const text = taskdef([{ name: 'a', image: 'x' }, { name: 'b', image: 'y', privileged: true, essential: true }]);
    client.change(uri, text);
    const ds = (await client.pull(uri)).filter((d) => d.code === 'task/no-privileged');
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.deepEqual(d.range, rangeOf(text, '"privileged": true'));
    assert.equal(d.range.start.line, lineOfText(text, '"privileged"'));
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'ecs-lint');
    assert.match(d.message, /container "b"/);
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/rules\/docs\/task\/no-privileged\.md$/);
    assert.ok(existsSync(fileURLToPath(d.codeDescription!.href)), 'docs page exists next to the bundle');
    assert.deepEqual(d.data, { fixable: true });

    const fixes = await quickFixes(client, uri, d);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].kind, 'quickfix');
    assert.equal(fixes[0].isPreferred, true);
    assert.deepEqual(fixes[0].diagnostics, [d]);
    assert.equal(editVersion(fixes[0].edit!), 2);
    const fixed = await fixAndRelint(client, uri, 'task/no-privileged', fixes[0]);
    const parsed = JSON.parse(fixed);
    assert.equal(parsed.containerDefinitions[1].privileged, undefined);
    assert.equal(parsed.containerDefinitions[1].essential, true);
    client.close(uri);
  });

  it('offers "Show documentation" with the rule id and docs URI', async () => {
    const uri = fileUri('pull-docs/taskdef.json');
    const text = taskdef([{ name: 'a', image: 'x', privileged: true }]);
    client.open(uri, text);
    const d = (await client.pull(uri)).find((x) => x.code === 'task/no-privileged')!;
    const actions = (await client.codeActions(uri, d.range, [d])).filter(isCodeAction);
    const docs = actions.find((a) => a.title === 'Show documentation for task/no-privileged');
    assert.ok(docs, 'show documentation action');
    assert.equal(docs!.command!.command, 'ecsLint.showDocumentation');
    assert.deepEqual(docs!.command!.arguments, ['task/no-privileged', d.codeDescription!.href]);
    client.close(uri);
  });

  it('recomputes fixes from the current text, not from a stale diagnostic', async () => {
    const uri = fileUri('pull-stale/taskdef.json');
    const v1 = taskdef([{ name: 'a', image: 'x', privileged: true }]);
    client.open(uri, v1);
    const stale = (await client.pull(uri)).find((x) => x.code === 'task/no-privileged')!;
    // Insert a container before it: the old diagnostic's range now points elsewhere.
    const v2 = taskdef([{ name: 'z', image: 'z' }, { name: 'a', image: 'x', privileged: true }]);
    client.change(uri, v2);
    const actions = (await client.codeActions(uri, rangeOf(v2, '"privileged": true'), [stale], ['quickfix'])).filter(isCodeAction);
    const fix = actions.find((a) => a.edit)!;
    assert.equal(editVersion(fix.edit!), 2);
    const fixed = applyWorkspaceEdit(v2, uri, fix.edit!);
    assert.deepEqual(JSON.parse(fixed).containerDefinitions, [{ name: 'z', image: 'z' }, { name: 'a', image: 'x' }]);
    client.close(uri);
  });

  it('hover on a flagged range shows the rule, message, severity, references and docs link', async () => {
    const uri = fileUri('pull-hover/taskdef.json');
    const text = taskdef([{ name: 'a', image: 'x' }, { name: 'b', image: 'y', privileged: true }]);
    client.open(uri, text);
    const r = rangeOf(text, '"privileged": true');
    const h = await client.hover(uri, { line: r.start.line, character: r.start.character + 3 });
    assert.ok(h, 'hover');
    const md = (h!.contents as { kind: string; value: string });
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /\*\*task\/no-privileged\*\* \(error\)/);
    assert.match(md.value, /Containers must not run privileged/);
    assert.match(md.value, /container "b"/);
    assert.match(md.value, /SecurityHub ECS\.4/);
    assert.match(md.value, /\]\(file:\/\/.*rules\/docs\/task\/no-privileged\.md\)/);
    assert.deepEqual(h!.range, r);
    // Outside any finding: nothing.
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    client.close(uri);
  });

  it('source.fixAll.ecs-lint applies only safe fixes', async () => {
    const uri = fileUri('pull-fixall/taskdef.json');
    const text = taskdef([
      { name: 'a', image: 'x', privileged: true, environment: [{ name: 'DB_PASSWORD', value: 'hunter2-Secret-42' }] },
      { name: 'b', image: 'y', privileged: true },
    ], { networkMode: 'host' });
    client.open(uri, text);
    const before = await client.pull(uri);
    assert.equal(before.filter((d) => d.code === 'task/no-privileged').length, 2);
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']))
      .filter(isCodeAction);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.ecs-lint');
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit!);
    const parsed = JSON.parse(fixed);
    assert.equal(parsed.containerDefinitions[0].privileged, undefined);
    assert.equal(parsed.containerDefinitions[1].privileged, undefined);
    // Unsafe fixes (network mode change, placeholder secret ARN) are left for the user.
    assert.equal(parsed.networkMode, 'host');
    assert.deepEqual(parsed.containerDefinitions[0].environment, [{ name: 'DB_PASSWORD', value: 'hunter2-Secret-42' }]);
    client.change(uri, fixed);
    const after = await client.pull(uri);
    assert.equal(after.filter((d) => d.code === 'task/no-privileged').length, 0);
    if (ruleExists(before, 'task/no-host-network')) assert.equal(after.filter((d) => d.code === 'task/no-host-network').length, 1);
    client.close(uri);
  });

  it('fix-all is resolved on demand for clients that resolve code actions, and not for a changed document', async () => {
    const lazy = await TestClient.start({ pull: true, resolveCodeActions: true });
    try {
      const uri = fileUri('pull-fixall-lazy/taskdef.json');
      const text = taskdef([{ name: 'a', image: 'x', privileged: true }]);
      lazy.open(uri, text);
      await lazy.pull(uri);
      const offered = (await lazy.codeActions(uri, rangeOf(text, '"privileged"'))).filter(isCodeAction);
      const fixAll = offered.find((a) => a.kind === 'source.fixAll.ecs-lint');
      assert.ok(fixAll, offered.map((a) => a.title).join(', '));
      // Offered with every light bulb, computed (up to five re-lints) only when chosen.
      assert.equal(fixAll.edit, undefined);
      const resolved = await lazy.resolveCodeAction(fixAll);
      assert.equal(JSON.parse(applyWorkspaceEdit(text, uri, resolved.edit!)).containerDefinitions[0].privileged, undefined);
      lazy.change(uri, text.replace('"x"', '"y"'));
      assert.equal((await lazy.resolveCodeAction(fixAll)).edit, undefined, 'an action offered for version 1 never edits version 2');
      lazy.close(uri);
    } finally {
      await lazy.stop();
    }
  });

  it('a quick-fix request with only ["quickfix"] never returns fix-all, and a range without findings gets no quick fix', async () => {
    const uri = fileUri('pull-only/taskdef.json');
    const text = taskdef([{ name: 'a', image: 'x', privileged: true }]);
    client.open(uri, text);
    await client.pull(uri);
    const inRange = (await client.codeActions(uri, rangeOf(text, '"privileged"'), [], ['quickfix'])).filter(isCodeAction);
    assert.ok(inRange.every((a) => a.kind === 'quickfix'));
    assert.ok(inRange.some((a) => a.edit));
    const elsewhere = (await client.codeActions(uri, rangeOf(text, '"family"'), [], ['quickfix'])).filter(isCodeAction);
    assert.equal(elsewhere.length, 0);
    client.close(uri);
  });

  it('reports the ecsLint/documentKind of open documents', async () => {
    const uri = fileUri('pull-kind/anything.json');
    client.open(uri, taskdef([{ name: 'a', image: 'x' }]));
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', { uri }), { kind: 'task-definition' });
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', { uri: fileUri('not-open.json') }), { kind: 'unknown' });
    assert.deepEqual(await client.connection.sendRequest('ecsLint/documentKind', null), { kind: 'unknown' });
    client.close(uri);
  });

  it('answers pulls for closed or unknown documents with an empty report', async () => {
    assert.deepEqual(await client.pull(fileUri('never-opened.json')), []);
    await waitFor(() => client.exitCode === undefined, 'server alive');
  });
});

function ruleExists(ds: Diagnostic[], id: string): boolean {
  return ds.some((d) => d.code === id);
}

describe('LSP: Terraform right after start-up', () => {
  it('the first pull of a .tf file waits for the Terraform grammar instead of reporting it unchecked', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const uri = fileUri('tf-first/main.tf');
      const text = 'module "app" {\n  source = "terraform-aws-modules/ecs/aws//modules/container-definition"\n  image  = "nginx:1.27"\n  privileged = true\n  tags = { for k, v in var.tags : k => v }\n}\n';
      client.open(uri, text);
      const ds = await client.pull(uri);
      assert.deepEqual(ds.map((d) => d.code).filter((c) => c === 'internal/rule-error' || c === 'json/syntax-error'), []);
      assert.deepEqual(ds.filter((d) => d.code === 'task/no-privileged').map((d) => d.range), [rangeOf(text, 'privileged = true')]);
    } finally {
      await client.stop();
    }
  });
});
