// The generated JSON Schemas, checked the way VS Code uses them (vscode-json-languageservice): contributed for the
// documented file patterns, documenting every key of real task definitions, accepting describe output, and never
// reporting a problem at the same place as one of our rules.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { getLanguageService, TextDocument, type Diagnostic, type LanguageService } from 'vscode-json-languageservice';
import { lint, json } from '../helpers';
import { taskDefinitions } from '../inputs';
import { SCHEMA_FILE_PATTERNS, schemaCovers } from '../../rules/fields/schemas';
import { ecsModelVersion } from '../../rules/fields/model';
import { LineIndex, type DocumentKind } from '../../rules';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
type SchemaKind = keyof typeof SCHEMA_FILE_PATTERNS;
const schemaOf = (k: SchemaKind) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${k}.schema.json`), 'utf8'));

function service(kind: SchemaKind): LanguageService {
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: true, schemas: [{ uri: `file:///schemas/${kind}.schema.json`, fileMatch: ['*.json'], schema: schemaOf(kind) }] });
  return ls;
}
const LS = { 'task-definition': service('task-definition'), 'container-definitions': service('container-definitions'), 'service-definition': service('service-definition') };

async function validate(kind: SchemaKind, text: string): Promise<Diagnostic[]> {
  const doc = TextDocument.create('file:///x/doc.json', 'json', 1, text);
  return LS[kind].doValidation(doc, LS[kind].parseJSONDocument(doc), { schemaValidation: 'warning' });
}

describe('fields: JSON Schemas', () => {
  it('package.json contributes each schema for exactly the patterns the server defers on', () => {
    const contributed = Object.fromEntries((pkg.contributes.jsonValidation as { fileMatch: string[]; url: string }[])
      .map((j) => [/schemas\/(.+)\.schema\.json$/.exec(j.url)?.[1], j.fileMatch])
      .filter(([k]) => typeof k === 'string' && k in SCHEMA_FILE_PATTERNS)); // other features contribute their own schemas
    assert.deepEqual(contributed, SCHEMA_FILE_PATTERNS);
    for (const name of ['task-definition.json', 'my-taskdef.json', 'web_task_definition.json', 'api-service-definition.json', 'containerDefinitions.json']) assert.ok(schemaCovers(`/w/${name}`), name);
    for (const name of ['policy.json', 'task.json', 'service.json', 'package.json']) assert.ok(!schemaCovers(`/w/${name}`), name);
  });

  it('records the model version in every description footer', () => {
    const text = readFileSync(join(ROOT, 'schemas', 'container-definitions.schema.json'), 'utf8');
    assert.ok(text.includes(`_Field data: @aws-sdk/client-ecs ${ecsModelVersion}_`));
    assert.equal(schemaOf('container-definitions').items.$ref, '#/definitions/ContainerDefinition');
  });

  it('every key of the example and fixture task definitions gets a hover from the schema', async () => {
    const files = taskDefinitions();
    assert.ok(files.length >= 7);
    const missing: string[] = [];
    for (const { name, text } of files) {
      const kind: SchemaKind = text.trimStart().startsWith('[') ? 'container-definitions' : 'task-definition';
      const doc = TextDocument.create(`file:///x/${name.replace(/\//g, '-')}`, 'json', 1, text);
      const jdoc = LS[kind].parseJSONDocument(doc);
      const walk = async (n: Node | undefined): Promise<void> => {
        if (!n) return;
        if (n.type === 'property') {
          const k = n.children![0];
          const h = await LS[kind].doHover(doc, doc.positionAt(k.offset + 1), jdoc);
          const parent = n.parent?.parent;
          // Keys of string maps (log options, docker labels) are the user's own: the schema documents the map.
          const inMap = parent?.type === 'property' && ['options', 'dockerLabels', 'labels'].includes(String(parent.children![0].value));
          if (!inMap && !JSON.stringify(h?.contents ?? '').includes('client-ecs')) missing.push(`${name}: ${k.value}`);
        }
        for (const c of n.children ?? []) await walk(c);
      };
      await walk(parseTree(text));
    }
    assert.deepEqual(missing, []);
  });

  it('accepts every example and fixture task definition (describe output and bare arrays included)', async () => {
    const rejected: string[] = [];
    for (const { name, text } of taskDefinitions()) {
      const kind: SchemaKind = text.trimStart().startsWith('[') ? 'container-definitions' : 'task-definition';
      const d = await validate(kind, text);
      if (d.length) rejected.push(`${name}: ${d.map((x) => x.message).join('; ')}`);
    }
    assert.deepEqual(rejected, []);
  });

  it('reports typos and wrong types (structure is the schema\'s job)', async () => {
    const d = await validate('task-definition', json({ family: 'a', containerDefinitions: [{ name: 'a', image: 'x', memory: '512', readOnlyRootFilesystem: true }], pidMode: 'bogus' }));
    const msgs = d.map((x) => x.message).join('\n');
    assert.match(msgs, /readOnlyRootFilesystem is not allowed/);
    assert.match(msgs, /Incorrect type. Expected "number"/);
    assert.match(msgs, /Value is not accepted. Valid values: "host", "task"/);
    // Describe output's read-only fields are accepted in both shapes.
    assert.deepEqual(await validate('task-definition', json({ taskDefinition: { family: 'a', containerDefinitions: [], revision: 1, status: 'ACTIVE', registeredAt: '2024-01-01T00:00:00Z', compatibilities: ['EC2'] }, tags: [] })), []);
    assert.deepEqual(await validate('task-definition', json({ family: 'a', containerDefinitions: [], taskDefinitionArn: 'arn:x', revision: 1, registeredAt: 1700000000 })), []);
    assert.deepEqual(await validate('service-definition', json({ service: 's', forceNewDeployment: true, enableExecuteCommand: false })), []);
  });

  // Invalid or insecure values of watched fields: the schema and the rules must never flag the same place.
  const BASE = { family: 'a', networkMode: 'awsvpc', requiresCompatibilities: ['EC2'] };
  const C = (c: object) => ({ ...BASE, containerDefinitions: [{ name: 'a', image: 'x:1', essential: true, ...c }] });
  const CASES: [string, SchemaKind, DocumentKind, object][] = [
    ['networkMode invalid (Fargate)', 'task-definition', 'task-definition', { ...C({}), networkMode: 'bogus', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' }],
    ['networkMode HOST', 'task-definition', 'task-definition', { ...C({}), networkMode: 'HOST' }],
    ['pidMode HOST', 'task-definition', 'task-definition', { ...C({}), pidMode: 'HOST' }],
    ['ipcMode Host', 'task-definition', 'task-definition', { ...C({}), ipcMode: 'Host' }],
    ['transitEncryption enabled', 'task-definition', 'task-definition', { ...C({}), volumes: [{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1', transitEncryption: 'enabled' } }] }],
    ['readonlyRootFilesystem "true"', 'task-definition', 'task-definition', C({ readonlyRootFilesystem: 'true' })],
    ['privileged "true"', 'task-definition', 'task-definition', C({ privileged: 'true' })],
    ['user 0 as number', 'task-definition', 'task-definition', C({ user: 0 })],
    ['capabilities add as string', 'task-definition', 'task-definition', C({ linuxParameters: { capabilities: { add: 'SYS_ADMIN' } } })],
    ['logDriver AWSLOGS', 'task-definition', 'task-definition', C({ logConfiguration: { logDriver: 'AWSLOGS' } })],
    ['environment as object', 'task-definition', 'task-definition', C({ environment: { PASSWORD: 'hunter2hunter2' } })],
    ['portMappings object with 22', 'task-definition', 'task-definition', C({ portMappings: { containerPort: 22 } })],
    ['containers array: privileged 1', 'container-definitions', 'container-definitions', [{ name: 'a', image: 'x:1', privileged: 1 }]],
    ['assignPublicIp enabled', 'service-definition', 'service-definition', { serviceName: 's', networkConfiguration: { awsvpcConfiguration: { subnets: ['a'], assignPublicIp: 'enabled' } } }],
    ['enableExecuteCommand "true"', 'service-definition', 'service-definition', { serviceName: 's', enableExecuteCommand: 'true' }],
    ['platformVersion 1.3', 'service-definition', 'service-definition', { serviceName: 's', launchType: 'FARGATE', platformVersion: 1.3 }],
  ];
  for (const [name, schemaKind, kind, doc] of CASES) {
    it(`never twice: ${name}`, async () => {
      const text = json(doc);
      const diags = await validate(schemaKind, text);
      const lines = new LineIndex(text);
      const findings = lint(text, { kind, fileName: 'x.json' }).findings;
      const overlaps: string[] = [];
      for (const d of diags) {
        const s = lines.offsetAt(d.range.start), e = lines.offsetAt(d.range.end);
        for (const f of findings) {
          if (f.offset < e && s < f.offset + f.length) overlaps.push(`schema "${d.message}" and ${f.ruleId} at ${text.slice(s, e)}`);
        }
      }
      assert.deepEqual(overlaps, []);
    });
  }
});
