// Deployment rules over the shared case table, rendered as CloudFormation JSON, long-form YAML and short-form YAML:
// every finding of the new rules is expected (rule id, exact range, related locations), nothing else fires.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits, type Finding } from '../../rules';
import { deploymentRules } from '../../rules/deployment/rules';
import { lint } from '../helpers';
import { DEPLOYMENT_CASES, type At, type DeploymentCase } from './deployment-cases';
import { rangeAt, renderJson, renderYaml, type Rendered } from './deployment-render';

const DEPLOYMENT_IDS = new Set(deploymentRules.map((r) => r.meta.id));

interface Rendering { name: string; fileName: string; render(c: DeploymentCase): Rendered; parses(text: string): boolean }
const RENDERINGS: Rendering[] = [
  { name: 'CloudFormation JSON', fileName: 'stack.template.json', render: (c) => renderJson(c.template), parses: (t) => { try { JSON.parse(t); return true; } catch { return false; } } },
  { name: 'CloudFormation YAML (long form)', fileName: 'stack.yaml', render: (c) => renderYaml(c.template, false), parses: yamlParses },
  { name: 'CloudFormation YAML (!Ref, !GetAtt, !Sub)', fileName: 'stack.yaml', render: (c) => renderYaml(c.template, true), parses: yamlParses },
];

function yamlParses(t: string): boolean {
  return parseDocument(t, { logLevel: 'error', customTags: ['!Ref', '!GetAtt', '!Sub', '!ImportValue'].map((tag) => ({ tag, resolve: (s: string) => s })) }).errors.length === 0;
}

const where = (r: Rendered, a: At) => rangeAt(r, a.path, a.key);
const show = (text: string, x: { offset: number; length: number }) => JSON.stringify(text.slice(x.offset, x.offset + x.length));

function mine(findings: Finding[]): Finding[] {
  return findings.filter((f) => DEPLOYMENT_IDS.has(f.ruleId));
}

describe('deployment rules: shared cross-resource cases', () => {
  for (const c of DEPLOYMENT_CASES) {
    describe(c.name, () => {
      for (const r of RENDERINGS) {
        it(`${r.name}: exactly the expected findings, ranges and related locations`, () => {
          const out = r.render(c);
          assert.ok(r.parses(out.text), out.text);
          const res = lint(out.text, { fileName: r.fileName });
          assert.equal(res.kind, 'cloudformation');
          const got = mine(res.findings).map((f) => `${f.ruleId} at ${show(out.text, f)}`).sort();
          const want = c.expect.map((e) => `${e.rule} at ${show(out.text, where(out, e.at))}`).sort();
          assert.deepEqual(got, want);
          for (const e of c.expect) {
            const at = where(out, e.at);
            const f = res.findings.find((x) => x.ruleId === e.rule && x.offset === at.offset && x.length === at.length);
            assert.ok(f, `${e.rule}: no finding at exactly ${show(out.text, at)}`);
            if (e.message) assert.match(f.message, e.message);
            assert.deepEqual((f.related ?? []).map((x) => show(out.text, x)), (e.related ?? []).map((x) => show(out.text, where(out, x))));
            for (const x of f.related ?? []) {
              const w = e.related!.find((y) => where(out, y).offset === x.offset)!;
              assert.equal(x.length, where(out, w).length, `related ${show(out.text, x)}`);
              assert.ok(x.message.length > 10);
            }
          }
          for (const id of c.silent ?? []) assert.equal(res.findings.filter((f) => f.ruleId === id).length, 0, `${id} should be silent`);
        });
        if (c.fix) {
          it(`${r.name}: the ${c.fix} fix edits the template and removes the finding`, () => {
            const out = r.render(c);
            const before = lint(out.text, { fileName: r.fileName }).findings.filter((x) => x.ruleId === c.fix);
            const f = before[0];
            assert.ok(f?.fixes?.length, `no fix for ${c.fix}`);
            const text = applyEdits(out.text, f.fixes[0].edits);
            assert.ok(r.parses(text), text);
            const after = lint(text, { fileName: r.fileName }).findings.filter((x) => x.ruleId === c.fix);
            assert.equal(after.length, before.length - 1, text);
          });
        }
      }
    });
  }
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
