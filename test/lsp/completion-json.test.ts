// LSP: completion in task/service definitions and IAM policies: each list (enum values, property names, actions
// after `service:`, service prefixes, condition operators and keys, Linux capabilities).
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { fileUri, positionAt, TestClient } from './client';

/** Open `text` where `|` marks the cursor; return the completion items there. */
async function complete(client: TestClient, name: string, marked: string): Promise<{ items: CompletionItem[]; text: string; offset: number }> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = fileUri(`completion/${name}`);
  client.open(uri, text);
  const r = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
  client.close(uri);
  return { items: Array.isArray(r) ? r : r?.items ?? [], text, offset };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (i: CompletionItem | undefined) => (i?.textEdit as { newText: string } | undefined)?.newText;

describe('LSP completion: JSON kinds', () => {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ pull: true }); });
  after(async () => { await client.stop(); });

  const ENUMS: [string, string, string[]][] = [
    ['networkMode', '{"family": "a", "containerDefinitions": [], "networkMode": "|"}', ['awsvpc', 'bridge', 'host', 'none']],
    ['pidMode', '{"family": "a", "containerDefinitions": [], "pidMode": "|"}', ['host', 'task']],
    ['ipcMode', '{"family": "a", "containerDefinitions": [], "ipcMode": "|"}', ['host', 'none', 'task']],
    ['logDriver', '{"family": "a", "containerDefinitions": [{"name": "a", "image": "x", "logConfiguration": {"logDriver": "|"}}]}', ['awslogs', 'awsfirelens', 'splunk']],
    ['requiresCompatibilities', '{"family": "a", "containerDefinitions": [], "requiresCompatibilities": ["|"]}', ['EC2', 'FARGATE', 'EXTERNAL']],
    ['operatingSystemFamily', '{"family": "a", "containerDefinitions": [], "runtimePlatform": {"operatingSystemFamily": "|"}}', ['LINUX', 'WINDOWS_SERVER_2022_CORE']],
    ['cpuArchitecture', '{"family": "a", "containerDefinitions": [], "runtimePlatform": {"cpuArchitecture": "|"}}', ['ARM64', 'X86_64']],
    ['transitEncryption', '{"family": "a", "containerDefinitions": [], "volumes": [{"name": "v", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "|"}}]}', ['ENABLED', 'DISABLED']],
    ['assignPublicIp', '{"serviceName": "s", "networkConfiguration": {"awsvpcConfiguration": {"subnets": [], "assignPublicIp": "|"}}}', ['DISABLED', 'ENABLED']],
    ['launchType', '{"serviceName": "s", "launchType": "|"}', ['EC2', 'FARGATE', 'EXTERNAL']],
    ['capabilities.add', '{"family": "a", "containerDefinitions": [{"name": "a", "image": "x", "linuxParameters": {"capabilities": {"add": ["|"]}}}]}', ['NET_BIND_SERVICE', 'SYS_ADMIN', 'CHOWN']],
    ['capabilities.drop', '{"family": "a", "containerDefinitions": [{"name": "a", "image": "x", "linuxParameters": {"capabilities": {"drop": ["|"]}}}]}', ['ALL', 'NET_RAW']],
  ];
  for (const [what, marked, expected] of ENUMS) {
    it(`enum values: ${what}`, async () => {
      const name = what.startsWith('assign') || what === 'launchType' ? 'svc.json' : 'td.json';
      const { items, text, offset } = await complete(client, name, marked);
      for (const e of expected) assert.ok(labels(items).includes(e), `${what}: ${e} in ${labels(items).join(',')}`);
      // The item replaces the whole string the cursor is in, quotes included.
      const it0 = items.find((i) => i.label === expected[0])!;
      assert.equal(newText(it0), JSON.stringify(expected[0]));
      const range = (it0.textEdit as { range: { start: unknown } }).range;
      assert.deepEqual(range.start, positionAt(text, offset - 1));
    });
  }

  it('property names of the current object, with docs, not already present; required first', async () => {
    const { items } = await complete(client, 'td.json', '{"family": "a", "containerDefinitions": [{"name": "a", "image": "x", "|"}]}');
    const ls = labels(items);
    assert.ok(ls.includes('readonlyRootFilesystem') && ls.includes('privileged') && ls.includes('linuxParameters'));
    assert.ok(!ls.includes('name') && !ls.includes('image'), 'present keys are not offered');
    const ro = items.find((i) => i.label === 'readonlyRootFilesystem')!;
    assert.equal(ro.detail, 'boolean · ContainerDefinition');
    assert.match((ro.documentation as { value: string }).value, /read-only access to its root file system/);
    // Not followed by a colon: the value placeholder is inserted too.
    assert.equal(newText(ro), '"readonlyRootFilesystem": ${1|false,true|}');
    // A partly typed key (no colon yet) is replaced whole, quotes included.
    const partial = await complete(client, 'td.json', '{"family": "a", "containerDefinitions": [{"name": "a", "readonly|"}]}');
    const pr = partial.items.find((i) => i.label === 'readonlyRootFilesystem')!;
    const prRange = (pr.textEdit as { range: { start: unknown; end: unknown } }).range;
    assert.deepEqual(prRange, { start: positionAt(partial.text, partial.text.indexOf('"readonly"')), end: positionAt(partial.text, partial.text.indexOf('"readonly"') + 10) });
    assert.equal(pr.filterText, '"readonlyRootFilesystem"');
    const top = await complete(client, 'td.json', '{"containerDefinitions": [], |}');
    assert.equal(top.items[0].label, 'family', 'required member first');
    assert.ok(labels(top.items).includes('taskDefinitionArn'), 'describe read-only fields offered with a note');
    const svc = await complete(client, 'svc.json', '{"serviceName": "s", "networkConfiguration": {"awsvpcConfiguration": {"|"}}}');
    assert.deepEqual(labels(svc.items).sort(), ['assignPublicIp', 'securityGroups', 'subnets']);
  });

  it('files a contributed JSON Schema covers get no ECS field completion from the server (VS Code\'s JSON does it)', async () => {
    const marked = '{"family": "a", "containerDefinitions": [], "networkMode": "|"}';
    assert.ok((await complete(client, 'td.json', marked)).items.length > 0);
    assert.deepEqual((await complete(client, 'web-task-definition.json', marked)).items, []);
  });

  it('the JSON trigger characters do not pop up ecs.config completion', async () => {
    const uri = fileUri('completion/ecs.config');
    const text = 'ECS_LOGLEVEL="';
    client.open(uri, text, 'ecs-agent-config');
    const at = (trigger?: string) => client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri }, position: positionAt(text, text.length), context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
    });
    assert.ok((await at())!.length > 0, 'invoked: the log levels');
    assert.deepEqual(await at('"'), []);
    client.close(uri);
  });

  it('IAM: Effect values, service prefixes, actions after `service:` with access level', async () => {
    const eff = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "|"}]}');
    assert.deepEqual(labels(eff.items), ['Allow', 'Deny']);
    const pre = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec|"], "Resource": "*"}]}');
    const ecs = pre.items.find((i) => i.label === 'ecs');
    assert.equal(ecs?.detail, 'Amazon Elastic Container Service');
    assert.equal(newText(ecs), '"ecs:$0"');
    assert.ok(ecs?.command, 're-triggers suggest for the actions');
    const act = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecs:Desc|", "Resource": "*"}]}');
    const dt = act.items.find((i) => i.label === 'ecs:DescribeTasks');
    assert.equal(dt?.detail, 'Read');
    assert.ok(act.items.find((i) => i.label === 'ecs:RunTask')?.detail === 'Write');
    assert.ok(act.items.every((i) => String(i.label).startsWith('ecs:')));
  });

  it('IAM: condition operators and the condition keys valid for the statement\'s actions', async () => {
    const ops = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*", "Condition": {"|"}}]}');
    for (const op of ['StringEquals', 'ArnLike', 'Bool', 'StringEqualsIfExists', 'ForAnyValue:StringLike']) assert.ok(labels(ops.items).includes(op), op);
    const keys = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*", "Condition": {"ArnEquals": {"|"}}}]}');
    const ls = labels(keys.items);
    assert.ok(ls.includes('ecs:cluster'), 'service key of ecs:RunTask');
    assert.ok(ls.includes('aws:SourceVpc') && ls.includes('aws:PrincipalOrgID'), 'global keys');
    assert.ok(!ls.includes('s3:prefix'), 'keys of other services are not offered');
    assert.ok(ls.indexOf('ecs:cluster') < ls.indexOf('aws:SourceVpc'), 'action keys first');
  });

  it('grammar keys at policy and statement level', async () => {
    // (An empty document is not detected as a policy: the test document has a Statement already.)
    const top = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [], "|"}');
    assert.deepEqual(labels(top.items), ['Id']);
    const st = await complete(client, 'policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "|"}]}');
    for (const k of ['Sid', 'Action', 'NotAction', 'Resource', 'Condition', 'Principal']) assert.ok(labels(st.items).includes(k), k);
    assert.ok(!labels(st.items).includes('Effect'));
  });
});
