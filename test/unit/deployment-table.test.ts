// Deployment rules over the shared cross-resource table (deployment-table.ts), each case rendered four ways:
// CloudFormation JSON, long-form YAML, short-form YAML (one file), and a multi-file Terraform module (each file linted
// with the others as siblings). Every finding of the deployment rules is expected: rule id, exact range in the right
// file, related locations (file and range, in order) and, where given, the message; rules listed as silent say nothing.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { RULE_ERROR_ID, SYNTAX_RULE_ID, applyEdits, type Finding } from '../../rules';
import { deploymentRules } from '../../rules/deployment/rules';
import { lint } from '../helpers';
import { rangeAt, renderJson, renderYaml, type Rendered } from './deployment-render';
import { renderTerraform, type TfRendered } from './deployment-render-terraform';
import { cfn, withTypes, type HostAt, type Res } from './deployment-builders';
import { TABLE, type Expected, type TableCase } from './deployment-table';

const DEPLOYMENT_IDS = new Set(deploymentRules.map((r) => r.meta.id));
const mine = (findings: Finding[]) => findings.filter((f) => DEPLOYMENT_IDS.has(f.ruleId));
const show = (text: string, x: { offset: number; length: number }) => JSON.stringify(text.slice(x.offset, x.offset + x.length));

// ---- addressing ---------------------------------------------------------------------------------------------------

function resourceOf(c: TableCase, name: string): Res {
  const r = c.resources.find((x) => x.name === name);
  if (!r) throw new Error(`${c.name}: no resource ${name}`);
  return r;
}

/** The host's place of a neutral anchor (`Name` or `Name:anchor`). */
function anchor(c: TableCase, at: string, host: 'cfn' | 'tf'): HostAt {
  const [name, a = ''] = at.split(':');
  const found = resourceOf(c, name).anchors[a]?.[host];
  if (!found) throw new Error(`${c.name}: no ${host} anchor ${at}`);
  return found;
}

/** A message pattern with `{Name}` replaced by each resource's label in the host. */
function pattern(c: TableCase, e: Expected, host: 'cfn' | 'tf'): RegExp | undefined {
  const source = typeof e.message === 'object' ? e.message[host] : e.message;
  if (source === undefined) return undefined;
  return new RegExp(source.replace(/\{(\w+)\}/g, (m, name: string) => {
    const r = c.resources.find((x) => x.name === name);
    if (!r) return m;
    const label = host === 'cfn' ? r.cfnLabel ?? r.name : `${r.tf[0].type}.${r.name}`;
    return label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }));
}

const rulesOf = (c: TableCase) => new Set([...c.expect.map((e) => e.rule), ...(c.silent ?? [])]);
const hosts = (c: TableCase) => c.hosts ?? ['cfn', 'tf'];

// ---- CloudFormation -----------------------------------------------------------------------------------------------

function template(c: TableCase): Record<string, unknown> {
  const params = new Set<string>();
  const resources: Record<string, unknown> = {};
  for (const r of c.resources) for (const [id, def] of Object.entries(r.cfn)) resources[id] = cfn(def, params);
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    ...(params.size ? { Parameters: Object.fromEntries([...params].map((p) => [p, { Type: 'String' }])) } : {}),
    Resources: resources,
  };
}

function cfnRange(out: Rendered, at: HostAt) {
  return at.path ? rangeAt(out, ['Resources', at.res, 'Properties', ...at.path], at.key) : rangeAt(out, ['Resources', at.res], true);
}

function yamlParses(t: string): boolean {
  return parseDocument(t, { logLevel: 'error', customTags: ['!Ref', '!GetAtt', '!Sub', '!ImportValue'].map((tag) => ({ tag, resolve: (s: string) => s })) }).errors.length === 0;
}

interface CfnRendering { name: string; fileName: string; render(t: Record<string, unknown>): Rendered; parses(text: string): boolean }
const CFN_RENDERINGS: CfnRendering[] = [
  { name: 'CloudFormation JSON', fileName: 'stack.template.json', render: (t) => renderJson(t), parses: (t) => { try { JSON.parse(t); return true; } catch { return false; } } },
  { name: 'CloudFormation YAML (long form)', fileName: 'stack.yaml', render: (t) => renderYaml(t, false), parses: yamlParses },
  { name: 'CloudFormation YAML (!Ref, !GetAtt, !Sub)', fileName: 'stack.yaml', render: (t) => renderYaml(t, true), parses: yamlParses },
];

function checkCloudFormation(c: TableCase, r: CfnRendering): void {
  const out = r.render(template(c));
  assert.ok(r.parses(out.text), out.text);
  const res = lint(out.text, { fileName: r.fileName });
  assert.equal(res.kind, 'cloudformation');
  const where = (at: string) => cfnRange(out, anchor(c, at, 'cfn'));
  const got = mine(res.findings).map((f) => `${f.ruleId} at ${f.offset}+${f.length} ${show(out.text, f)}`).sort();
  const want = c.expect.map((e) => { const x = where(e.at); return `${e.rule} at ${x.offset}+${x.length} ${show(out.text, x)}`; }).sort();
  assert.deepEqual(got, want);
  for (const e of c.expect) {
    const at = where(e.at);
    const f = res.findings.find((x) => x.ruleId === e.rule && x.offset === at.offset && x.length === at.length)!;
    const m = pattern(c, e, 'cfn');
    if (m) assert.match(f.message, m);
    assert.deepEqual((f.related ?? []).map((x) => ({ file: x.fileName, offset: x.offset, length: x.length, text: show(out.text, x) })),
      (e.related ?? []).map((a) => { const x = where(a); return { file: undefined, offset: x.offset, length: x.length, text: show(out.text, x) }; }));
    for (const x of f.related ?? []) assert.ok(x.message.length > 10, x.message);
  }
  for (const id of c.silent ?? []) assert.equal(res.findings.filter((f) => f.ruleId === id).length, 0, `${id} should be silent`);
}

function checkFix(c: TableCase, r: CfnRendering): void {
  const out = r.render(template(c));
  const before = lint(out.text, { fileName: r.fileName }).findings.filter((x) => x.ruleId === c.fix);
  const f = before[0];
  assert.ok(f?.fixes?.length, `no fix for ${c.fix}`);
  const text = applyEdits(out.text, f.fixes[0].edits);
  assert.ok(r.parses(text), text);
  const after = lint(text, { fileName: r.fileName }).findings.filter((x) => x.ruleId === c.fix);
  assert.equal(after.length, before.length - 1, text);
}

// ---- Terraform ----------------------------------------------------------------------------------------------------

function module(c: TableCase): TfRendered {
  return withTypes(c.resources, () => renderTerraform(c.resources.flatMap((r) => r.tf)));
}

interface Place { file: string; offset: number; length: number }
interface TfExpect { rule: string; at: Place; related: Place[]; message?: RegExp }

/**
 * The findings each file of the module shows: a finding where it is fixed, and in each other file that holds one of its
 * related locations, a copy at the first of those pointing at where it is set, then the other related locations.
 */
function perFile(c: TableCase, out: TfRendered): Map<string, TfExpect[]> {
  const files = new Map(Object.keys(out.files).map((f) => [f, [] as TfExpect[]]));
  const place = (at: string): Place => { const a = anchor(c, at, 'tf'); return out.at(a.res, a.path, a.key); };
  for (const e of c.expect) {
    const at = place(e.at);
    const related = (e.related ?? []).map(place);
    const message = pattern(c, e, 'tf');
    files.get(at.file)!.push({ rule: e.rule, at, related, message });
    for (const file of files.keys()) {
      if (file === at.file) continue;
      const local = related.find((r) => r.file === file);
      if (local) files.get(file)!.push({ rule: e.rule, at: local, related: [at, ...related.filter((r) => r !== local)], message });
    }
  }
  return files;
}

function checkTerraform(c: TableCase, out: TfRendered, file: string, want: TfExpect[]): void {
  const siblings = Object.entries(out.files).filter(([n]) => n !== file).map(([fileName, text]) => ({ fileName, text }));
  const text = out.files[file];
  const res = lint(text, { fileName: file, siblings });
  assert.equal(res.kind, 'terraform');
  const got = mine(res.findings).map((f) => `${f.ruleId} at ${f.offset}+${f.length} ${show(text, f)}`).sort();
  assert.deepEqual(got, want.map((e) => `${e.rule} at ${e.at.offset}+${e.at.length} ${show(text, e.at)}`).sort(), text);
  for (const e of want) {
    const f = res.findings.find((x) => x.ruleId === e.rule && x.offset === e.at.offset && x.length === e.at.length)!;
    if (e.message) assert.match(f.message, e.message);
    assert.deepEqual((f.related ?? []).map((r) => ({ file: r.fileName ?? file, offset: r.offset, length: r.length })), e.related.map((r) => ({ file: r.file, offset: r.offset, length: r.length })));
    for (const x of f.related ?? []) assert.ok(x.message.length > 10, x.message);
  }
  for (const id of c.silent ?? []) assert.equal(res.findings.filter((f) => f.ruleId === id).length, 0, `${id} should be silent`);
}

// ---- the suite ----------------------------------------------------------------------------------------------------

describe('deployment rules: the shared cross-resource table', () => {
  for (const c of TABLE) {
    describe(c.name, () => {
      if (hosts(c).includes('cfn')) {
        for (const r of CFN_RENDERINGS) {
          it(`${r.name}: exactly the expected findings, ranges and related locations`, () => checkCloudFormation(c, r));
          if (c.fix) it(`${r.name}: the ${c.fix} fix edits the template and removes the finding`, () => checkFix(c, r));
        }
      }
      // Rules whose Terraform support is on another branch: no Terraform rendering yet (never a skipped test).
      if (hosts(c).includes('tf')) {
        const out = module(c);
        const expected = perFile(c, out);
        for (const file of Object.keys(out.files)) {
          it(`Terraform module, ${file} (with ${Object.keys(out.files).filter((f) => f !== file).join(', ') || 'no other file'}): exactly the expected findings, ranges and related locations`, () => checkTerraform(c, out, file, expected.get(file)!));
        }
      }
    });
  }

  it('every rule of the deployment model has a case that expects a finding, and one that expects it silent', () => {
    for (const id of DEPLOYMENT_IDS) {
      assert.ok(TABLE.some((c) => c.expect.some((e) => e.rule === id)), `${id}: no case expects a finding`);
      assert.ok(TABLE.some((c) => c.silent?.includes(id)), `${id}: no case expects it silent`);
    }
  });

  it('every Terraform module of the table parses, and its anchors resolve', () => {
    for (const c of TABLE.filter((x) => hosts(x).includes('tf'))) {
      const out = module(c);
      perFile(c, out);
      for (const [file, text] of Object.entries(out.files)) {
        const siblings = Object.entries(out.files).filter(([n]) => n !== file).map(([fileName, t]) => ({ fileName, text: t }));
        const bad = lint(text, { fileName: file, siblings }).findings.filter((f) => f.ruleId === SYNTAX_RULE_ID || f.ruleId === RULE_ERROR_ID);
        assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message} at ${show(text, f)}`), [], `${c.name}, ${file}:\n${text}`);
      }
    }
  });

  it('Terraform: an edit in one file changes the other file\'s findings (the engine reads only what it is given)', () => {
    const c = TABLE.find((x) => x.name.startsWith('tasks behind an HTTPS ALB'))!;
    const out = module(c);
    const opened = out.files['network.tf'];
    assert.ok(opened.includes('"10.0.0.0/16", "0.0.0.0/0"'));
    const closed = opened.replace('"10.0.0.0/16", "0.0.0.0/0"', '"10.0.0.0/16"');
    const ids = (file: string, siblings: { fileName: string; text: string }[]) => mine(lint(out.files[file], { fileName: file, siblings }).findings).map((f) => f.ruleId);
    assert.deepEqual(ids('service.tf', [{ fileName: 'network.tf', text: opened }]), ['network/task-world-ingress']);
    assert.deepEqual(ids('service.tf', [{ fileName: 'network.tf', text: closed }]), []);
    assert.deepEqual(ids('service.tf', []), [], 'alone, the group is unknown');
  });
});

describe('deployment model: CDK output', () => {
  it('messages of the per-document rules name the construct path too', () => {
    const text = renderJson({ Resources: { TaskDefB0D8: {
      Type: 'AWS::ECS::TaskDefinition', Metadata: { 'aws:cdk:path': 'Api/Web/TaskDef/Resource' },
      Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27', Privileged: true }] },
    } } }).text;
    const f = lint(text, { fileName: 'Api.template.json' }).findings.find((x) => x.ruleId === 'task/no-privileged');
    assert.match(f!.message, /^Api\/Web\/TaskDef: /);
  });
});
