// LSP: a Terraform module is every .tf file of a directory. Editing the security group in network.tf updates the
// finding in service.tf without saving; a sibling that is only on disk is read from disk.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver';
import { rangeOf, TestClient } from './client';

const NETWORK = `resource "aws_security_group" "tasks" {
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const SERVICE = `resource "aws_ecs_service" "web" {
  name = "web"
  network_configuration {
    subnets         = var.subnets
    security_groups = [aws_security_group.tasks.id]
  }
}
`;

describe('LSP: Terraform modules across files', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    client = await TestClient.start({ pull: true });
    dir = mkdtempSync(join(tmpdir(), 'ecs-tf-module-'));
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();
  const world = async (u: string) => (await client.pull(u)).filter((d) => d.code === 'network/task-world-ingress');

  it('editing the group in network.tf updates the finding in service.tf without saving', async () => {
    client.open(uri('network.tf'), NETWORK, 'terraform');
    client.open(uri('service.tf'), SERVICE, 'terraform');
    const [d] = await world(uri('service.tf'));
    assert.ok(d, 'finding in service.tf');
    assert.deepEqual(d.range, rangeOf(SERVICE, 'aws_security_group.tasks.id'));
    assert.equal(d.relatedInformation?.[0].location.uri, uri('network.tf'));
    assert.deepEqual(d.relatedInformation?.[0].location.range, rangeOf(NETWORK, '"0.0.0.0/0"'));
    assert.equal((await world(uri('network.tf'))).length, 1, 'and in network.tf, where it is fixed');

    const ref = rangeOf(SERVICE, 'aws_security_group.tasks.id');
    const h = await client.hover(uri('service.tf'), { line: ref.start.line, character: ref.start.character + 5 });
    assert.match((h!.contents as { value: string }).value, /\*\*aws\\_security\\_group\.tasks\*\* \(`aws_security_group`\), attribute `id`\n\nIngress:\n- port 8080 from `0\.0\.0\.0\/0`/);

    client.change(uri('network.tf'), NETWORK.replace('"0.0.0.0/0"', '"10.0.0.0/16"'));
    assert.equal((await world(uri('service.tf'))).length, 0, 'the unsaved edit is seen by the other file');
    client.change(uri('network.tf'), NETWORK);
    assert.equal((await world(uri('service.tf'))).length, 1, 'and undone');
    client.close(uri('network.tf'));
    client.close(uri('service.tf'));
  });

  it('a deployment quick fix edits the file that holds the setting, and none is offered in the sibling', async () => {
    const compute = 'resource "aws_launch_template" "ecs" {\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n';
    const cluster = 'resource "aws_autoscaling_group" "ecs" {\n  launch_template {\n    id = aws_launch_template.ecs.id\n  }\n}\n\nresource "aws_ecs_capacity_provider" "ec2" {\n  auto_scaling_group_provider {\n    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn\n  }\n}\n';
    client.open(uri('compute.tf'), compute, 'terraform');
    client.open(uri('cluster.tf'), cluster, 'terraform');
    const imds = async (u: string) => (await client.pull(u)).filter((d) => d.code === 'instance/imdsv2');
    const [d] = await imds(uri('compute.tf'));
    assert.deepEqual(d.range, rangeOf(compute, '"optional"'));
    const actions = (await client.codeActions(uri('compute.tf'), d.range, [d], ['quickfix'])) as CodeAction[];
    const fix = actions.find((a) => /IMDSv2/.test(a.title));
    assert.ok(fix?.edit, 'a quick fix');
    assert.ok(!fix!.isPreferred, 'not preferred: IMDSv1 software breaks');
    const e = (fix!.edit!.documentChanges as TextDocumentEdit[])[0];
    assert.equal(e.textDocument.uri, uri('compute.tf'));
    const next = TextDocument.applyEdits(TextDocument.create(uri('compute.tf'), 'terraform', 1, compute), e.edits);
    assert.equal(next, compute.replace('"optional"', '"required"'));

    const [c] = await imds(uri('cluster.tf'));
    assert.ok(c, 'the finding is shown at the capacity provider too');
    const there = (await client.codeActions(uri('cluster.tf'), c.range, [c], ['quickfix'])) as CodeAction[];
    assert.ok(!there.some((a) => /IMDSv2/.test(a.title)), 'no fix in the file that does not hold the setting');

    client.change(uri('compute.tf'), next);
    assert.equal((await imds(uri('cluster.tf'))).length, 0, 'fixed for both files');
    client.close(uri('compute.tf'));
    client.close(uri('cluster.tf'));
  });

  it('a sibling only on disk is read from disk', async () => {
    writeFileSync(join(dir, 'disk-network.tf'), NETWORK.replace('"tasks"', '"disk"'));
    const text = SERVICE.replace('aws_security_group.tasks.id', 'aws_security_group.disk.id');
    client.open(uri('disk-service.tf'), text, 'terraform');
    const [d] = await world(uri('disk-service.tf'));
    assert.ok(d, 'finding from the file on disk');
    assert.equal(d.relatedInformation?.[0].location.uri, uri('disk-network.tf'));
    client.close(uri('disk-service.tf'));
  });
});
