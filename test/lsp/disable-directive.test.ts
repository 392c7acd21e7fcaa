// "Disable <rule> for this line" in CloudFormation YAML and Terraform: a `#` directive above the finding, indented
// like its line; after the edit the server no longer reports the finding. Not offered inside a heredoc. In JSON
// templates, "Disable <rule> in resource X (Metadata)" writes the resource's Metadata entry instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './client';

const RULE = 'task/no-privileged';
const TODO = 'TODO: why this is acceptable';

const yaml = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  TaskDef:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      ContainerDefinitions:',
  '        - Name: web',
  '          Image: nginx:1.27',
  '          Privileged: true',
  '',
].join('\n');

const tf = [
  'resource "aws_ecs_task_definition" "web" {',
  '  family = "app"',
  '  container_definitions = jsonencode([{',
  '    name  = "web"',
  '    image = "nginx:1.27"',
  '    privileged = true',
  '  }])',
  '}',
  '',
].join('\n');

const heredoc = [
  'resource "aws_ecs_task_definition" "web" {',
  '  family = "app"',
  '  container_definitions = <<EOF',
  '[{"name": "web", "image": "nginx:1.27",',
  '"privileged": true}]',
  'EOF',
  '}',
  '',
].join('\n');

describe('LSP: in-source suppression quick fixes (CloudFormation YAML and JSON, Terraform)', () => {
  let dir: string;
  let client: TestClient;
  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-lsp-disable-')));
    client = await TestClient.start({ pull: true });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function actionsFor(name: string, text: string, languageId: string): Promise<{ uri: string; diag: Diagnostic; actions: CodeAction[] }> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    client.open(uri, text, languageId);
    const diag = (await client.pull(uri)).find((d) => d.code === RULE);
    assert.ok(diag, `${name}: ${RULE} is reported`);
    const actions = (await client.codeActions(uri, diag.range, [diag], ['quickfix'])) as CodeAction[];
    return { uri, diag, actions };
  }

  /** Applies the action's edits, re-sends the text and returns the rules still reported. */
  async function applyAndRelint(uri: string, text: string, action: CodeAction): Promise<{ text: string; codes: unknown[] }> {
    const e = (action.edit!.documentChanges as TextDocumentEdit[])[0];
    assert.equal(e.textDocument.uri, uri);
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), e.edits);
    client.change(uri, next);
    return { text: next, codes: (await client.pull(uri)).map((d) => d.code) };
  }

  for (const [name, text, languageId, comment] of [
    ['template.yaml', yaml, 'yaml', `          # ecs-lint-disable-next-line ${RULE} -- ${TODO}\n`],
    ['main.tf', tf, 'terraform', `    # ecs-lint-disable-next-line ${RULE} -- ${TODO}\n`],
  ] as const) {
    it(`${name}: inserts a # directive with the line's indentation, which then suppresses the finding`, async () => {
      const { uri, diag, actions } = await actionsFor(name, text, languageId);
      const disable = actions.find((a) => a.title === `Disable ${RULE} for this line`);
      assert.ok(disable, actions.map((a) => a.title).join(', '));
      assert.equal(disable.isPreferred, false);
      const edit = (disable.edit!.documentChanges as TextDocumentEdit[])[0].edits[0];
      assert.deepEqual(edit.range.start, { line: diag.range.start.line, character: 0 });
      assert.equal(edit.newText, comment);
      const after = await applyAndRelint(uri, text, disable);
      assert.equal(after.text.split('\n')[diag.range.start.line], comment.replace(/\n$/, ''));
      assert.ok(!after.codes.includes(RULE), after.text);
      assert.ok(!after.codes.some((c) => String(c).startsWith('config/')), JSON.stringify(after.codes));
    });
  }

  it('is not offered for a finding inside a heredoc (the comment would be JSON text)', async () => {
    const { actions } = await actionsFor('heredoc.tf', heredoc, 'terraform');
    assert.ok(actions.some((a) => a.title === `Show documentation for ${RULE}`), 'actions were computed for this finding');
    assert.ok(!actions.some((a) => a.title.startsWith(`Disable ${RULE}`)), actions.map((a) => a.title).join(', '));
  });

  it('on a logical id line, says that it disables the rule for the whole resource', async () => {
    const flow = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  TaskDef: {Type: "AWS::ECS::TaskDefinition", Properties: {ContainerDefinitions: [{Name: web, Image: "nginx:1.27", Privileged: true}]}}\n';
    const { uri, actions } = await actionsFor('flow.yaml', flow, 'yaml');
    const disable = actions.find((a) => a.title === `Disable ${RULE} in resource TaskDef`);
    assert.ok(disable, actions.map((a) => a.title).join(', '));
    assert.ok(!(await applyAndRelint(uri, flow, disable)).codes.includes(RULE));
  });

  it('in a JSON template, adds an entry to the resource\'s Metadata "ecs-lint" instead', async () => {
    const template = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { TaskDef: {
      Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Privileged: true }] },
    } } }, null, 2);
    const { uri, actions } = await actionsFor('template.json', template, 'json');
    assert.ok(!actions.some((a) => a.title === `Disable ${RULE} for this line`), 'no comment in JSON');
    const meta = actions.find((a) => a.title === `Disable ${RULE} in resource TaskDef (Metadata)`);
    assert.ok(meta, actions.map((a) => a.title).join(', '));
    assert.equal(meta.isPreferred, false);
    const after = await applyAndRelint(uri, template, meta);
    assert.deepEqual(JSON.parse(after.text).Resources.TaskDef.Metadata, { 'ecs-lint': { suppress: [{ id: RULE, reason: TODO }] } });
    assert.ok(!after.codes.includes(RULE));
    assert.ok(!after.codes.some((c) => String(c).startsWith('config/')), JSON.stringify(after.codes));
  });
});
