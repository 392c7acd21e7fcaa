// LSP: a Terraform module is every .tf file of a directory. Editing the security group in network.tf updates the
// finding in service.tf without saving; a sibling that is only on disk is read from disk.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
