// The first rules end to end through the server: diagnostic on the right range, quick fix applied, re-lint clean.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { allRules } from '../../rules';
import { applyWorkspaceEdit, fileUri, isCodeAction, positionAt, TestClient } from './client';

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Range of the n-th occurrence of `needle` after `anchor`. */
function rangeAfter(text: string, anchor: string, needle: string) {
  const at = text.indexOf(needle, text.indexOf(anchor));
  assert.ok(at >= 0, `${needle} after ${anchor}`);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function requireRule(ctx: Mocha.Context, id: string): void {
  // These rules are written in parallel; until one is registered its test is reported as skipped, not passed.
  if (!allRules.some((r) => r.meta.id === id)) ctx.skip();
}

describe('LSP: first rules end to end', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  async function only(uri: string, text: string, ruleId: string): Promise<Diagnostic> {
    client.open(uri, text);
    const ds = (await client.pull(uri)).filter((d) => d.code === ruleId);
    assert.equal(ds.length, 1, `one ${ruleId} diagnostic`);
    return ds[0];
  }

  async function editFixes(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction).filter((a) => a.edit);
  }

  async function applyAndRelint(uri: string, text: string, action: CodeAction, ruleId: string): Promise<string> {
    const fixed = applyWorkspaceEdit(text, uri, action.edit!);
    JSON.parse(fixed);
    client.change(uri, fixed);
    assert.equal((await client.pull(uri)).filter((d) => d.code === ruleId).length, 0, `${ruleId} gone after the fix`);
    return fixed;
  }

  it('task/no-host-network: flags "host" and the fix sets awsvpc', async function () {
    requireRule(this, 'task/no-host-network');
    const uri = fileUri('first/host-network/taskdef.json');
    const text = json({ family: 'web', networkMode: 'host', containerDefinitions: [{ name: 'a', image: 'x' }] });
    const d = await only(uri, text, 'task/no-host-network');
    assert.deepEqual(d.range, rangeAfter(text, '"networkMode"', '"host"'));
    assert.equal(d.severity, 1);
    const fixes = await editFixes(uri, d);
    assert.equal(fixes.length, 1);
    const fixed = await applyAndRelint(uri, text, fixes[0], 'task/no-host-network');
    assert.equal(JSON.parse(fixed).networkMode, 'awsvpc');
    client.close(uri);
  });

  it('task/no-plaintext-secrets: flags the credential in the second container and moves it to "secrets"', async function () {
    requireRule(this, 'task/no-plaintext-secrets');
    const uri = fileUri('first/secrets/taskdef.json');
    const text = json({
      family: 'web', networkMode: 'awsvpc', containerDefinitions: [
        { name: 'a', image: 'x', environment: [{ name: 'LOG_LEVEL', value: 'debug' }] },
        { name: 'b', image: 'y', environment: [{ name: 'STAGE', value: 'prod' }, { name: 'DB_PASSWORD', value: 'hunter2-Secret-42' }] },
      ],
    });
    const d = await only(uri, text, 'task/no-plaintext-secrets');
    assert.equal(d.range.start.line, positionAt(text, text.indexOf('"DB_PASSWORD"')).line);
    assert.ok(!d.message.includes('hunter2'), 'the secret value is never echoed');
    const fixes = await editFixes(uri, d);
    assert.equal(fixes.length, 1);
    const fixed = await applyAndRelint(uri, text, fixes[0], 'task/no-plaintext-secrets');
    const b = JSON.parse(fixed).containerDefinitions[1];
    assert.deepEqual(b.environment, [{ name: 'STAGE', value: 'prod' }]);
    assert.equal(b.secrets[0].name, 'DB_PASSWORD');
    // The placeholder ARN fix is never part of fix-all.
    client.change(uri, text);
    assert.equal((await client.codeActions(uri, d.range, [], ['source.fixAll'])).length, 0);
    client.close(uri);
  });

  it('iam/wildcard-action: flags "s3:*" (warning) and "*" (error); no edit fix, only documentation', async function () {
    requireRule(this, 'iam/wildcard-action');
    const uri = fileUri('first/iam/task-role-policy.json');
    const text = json({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:*'], Resource: '*' },
      { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    ] });
    client.open(uri, text);
    const ds = (await client.pull(uri)).filter((d) => d.code === 'iam/wildcard-action');
    assert.equal(ds.length, 2);
    assert.deepEqual(ds[0].range, rangeAfter(text, '"s3:GetObject"', '"s3:*"'));
    assert.equal(ds[0].severity, 2);
    assert.deepEqual(ds[1].range, rangeAfter(text, '"Action": "*"', '"*"'));
    assert.equal(ds[1].severity, 1);
    const actions = (await client.codeActions(uri, ds[0].range, [ds[0]])).filter(isCodeAction);
    assert.equal(actions.filter((a) => a.edit).length, 0);
    assert.ok(actions.some((a) => a.command?.command === 'ecsLint.showDocumentation'));
    client.close(uri);
  });

  it('endpoint/org-boundary: flags Principal "*", its fix adds a condition but is neither preferred nor in fix-all', async function () {
    requireRule(this, 'endpoint/org-boundary');
    const uri = fileUri('first/endpoint/s3-endpoint-policy.json');
    const text = json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] });
    const d = await only(uri, text, 'endpoint/org-boundary');
    assert.deepEqual(d.range, rangeAfter(text, '"Principal"', '"*"'));
    const fixes = await editFixes(uri, d);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].isPreferred, false);
    assert.equal((await client.codeActions(uri, d.range, [], ['source.fixAll'])).length, 0);
    const fixed = await applyAndRelint(uri, text, fixes[0], 'endpoint/org-boundary');
    assert.ok(JSON.parse(fixed).Statement[0].Condition, 'condition added');
    client.close(uri);
  });
});
