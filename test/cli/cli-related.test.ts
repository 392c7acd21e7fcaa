// CLI: cross-resource findings of a template carry their other end: SARIF relatedLocations (schema-valid) and
// `related` in --format json, with positions of the referenced resource.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertValidSarif } from './sarif-check';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

const TEMPLATE = `Resources:
  TaskSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: tasks
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0 }
  Service:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          SecurityGroups: [!Ref TaskSG]
`;

/** 0-based LSP range of the first occurrence of `needle` (on one line). */
function rangeOf(needle: string) {
  const at = TEMPLATE.indexOf(needle);
  const line = TEMPLATE.slice(0, at).split('\n').length - 1;
  const character = at - (TEMPLATE.lastIndexOf('\n', at - 1) + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

describe('CLI: related locations of deployment findings', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-related-'));
    writeFileSync(join(dir, 'stack.yaml'), TEMPLATE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (format: string) => {
    const r = spawnSync(process.execPath, [CLI, '--no-config', '--format', format, 'stack.yaml'], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(r.stdout);
  };

  it('--format json: related with message and 0-based range', () => {
    const f = run('json').files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'network/task-world-ingress');
    assert.ok(f);
    assert.deepEqual(f.range, rangeOf('0.0.0.0/0'));
    assert.deepEqual(f.related, [{ message: 'Service: its tasks use security group TaskSG', range: rangeOf('!Ref TaskSG') }]);
  });

  it('--format sarif: relatedLocations in the same artifact, valid SARIF', () => {
    const log = run('sarif');
    assertValidSarif(log);
    const r = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'network/task-world-ingress');
    assert.equal(r.relatedLocations.length, 1);
    const rel = r.relatedLocations[0];
    assert.equal(rel.message.text, 'Service: its tasks use security group TaskSG');
    assert.deepEqual(rel.physicalLocation.artifactLocation, r.locations[0].physicalLocation.artifactLocation);
    assert.equal(rel.physicalLocation.region.startLine, rangeOf('!Ref TaskSG').start.line + 1);
    assert.equal(rel.physicalLocation.region.startColumn, rangeOf('!Ref TaskSG').start.character + 1);
    assert.equal(TEMPLATE.slice(rel.physicalLocation.region.charOffset, rel.physicalLocation.region.charOffset + rel.physicalLocation.region.charLength), '!Ref TaskSG');
  });
});
