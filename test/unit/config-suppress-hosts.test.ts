// In-source suppressions in host files: comment directives in CloudFormation YAML and Terraform, and resource
// Metadata in CloudFormation JSON and YAML templates (through lintFile, the path the CLI and the editor share).
import * as assert from 'node:assert/strict';
import { defaultEngine, type Finding } from '../../rules';
import { ConfigLoader, lintFile, type LintFileResult } from '../../config';
import { lexHcl, scanComments } from '../../config/comments';
import { TempTree } from './config-helpers';

const engine = defaultEngine();
const PRIV = 'task/no-privileged';
const INVALID = 'config/invalid-directive';
const UNUSED = 'config/unused-ignore';

let t: TempTree;
beforeEach(() => { t = new TempTree(); });
afterEach(() => t.cleanup());

function run(name: string, text: string): LintFileResult & { text: string } {
  const r = lintFile(engine, t.write(name, text), text, { loader: new ConfigLoader(engine) });
  assert.deepEqual(r.configErrors, []);
  return { ...r, text };
}
const of = (r: LintFileResult, id: string) => r.findings.filter((f) => f.ruleId === id);
const textOf = (r: { text: string }, f: Finding) => r.text.slice(f.offset, f.offset + f.length);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** A YAML template with one task definition; `above` and `after` are lines around `Privileged: true`. */
function yamlTask(above = '', opts: { after?: string; top?: string; name?: string } = {}): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    ...(opts.top ? [opts.top] : []),
    `  ${opts.name ?? 'TaskDef'}:`,
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      NetworkMode: awsvpc',
    '      PidMode: host',
    '      ContainerDefinitions:',
    '        - Name: web',
    '          Image: nginx:1.27',
    ...(above ? [above] : []),
    `          Privileged: true${opts.after ?? ''}`,
    '',
  ].join('\n');
}

describe('suppressions: comment directives in CloudFormation YAML', () => {
  it('ecs-lint-disable-next-line suppresses the rule on the next line, with its reason', () => {
    const r = run('template.yaml', yamlTask(`          # ecs-lint-disable-next-line ${PRIV} -- installs the GPU driver`));
    assert.equal(of(run('template.yaml', yamlTask()), PRIV).length, 1, 'the finding exists without the directive');
    assert.deepEqual(of(r, PRIV), []);
    const s = r.suppressed.find((x) => x.finding.ruleId === PRIV)!;
    assert.equal(s.by, 'directive');
    assert.equal(s.reason, 'installs the GPU driver');
    assert.ok(!r.findings.some((f) => f.ruleId.startsWith('config/')), JSON.stringify(r.findings));
  });

  it('on the wrong line it suppresses nothing and is reported unused, at the comment', () => {
    // Above "Image:", two lines before the finding.
    const text = yamlTask().replace('          Image:', `          # ecs-lint-disable-next-line ${PRIV} -- GPU driver\n          Image:`);
    const r = run('template.yaml', text);
    assert.equal(of(r, PRIV).length, 1);
    const u = of(r, UNUSED);
    assert.equal(u.length, 1);
    assert.equal(textOf(r, u[0]), `# ecs-lint-disable-next-line ${PRIV} -- GPU driver`);
    assert.match(u[0].message, /suppresses nothing on line \d+/);
  });

  it('reports an unknown rule id (with the nearest id) and does not suppress', () => {
    const r = run('template.yaml', yamlTask('          # ecs-lint-disable-next-line task/no-priviledged -- GPU driver'));
    const p = of(r, INVALID);
    assert.equal(p.length, 1);
    assert.match(p[0].message, /Unknown rule "task\/no-priviledged".*Did you mean "task\/no-privileged"\?/);
    assert.equal(textOf(r, p[0]), '# ecs-lint-disable-next-line task/no-priviledged -- GPU driver');
    assert.equal(of(r, PRIV).length, 1);
    assert.deepEqual(of(r, UNUSED), [], 'a directive of unknown rules only is reported once');
  });

  it('a directive without a reason is reported and has no effect', () => {
    const r = run('template.yaml', yamlTask(`          # ecs-lint-disable-next-line ${PRIV}`));
    assert.match(of(r, INVALID)[0].message, /needs a reason.*"# ecs-lint-disable-next-line/);
    assert.equal(of(r, PRIV).length, 1);
    assert.equal(run('template.yaml', yamlTask(`          # ecs-lint-disable-next-line ${PRIV} --   `)).findings.filter((f) => f.ruleId === PRIV).length, 1, 'blank reason');
  });

  it('an unused directive (the rule does not fire there) is reported', () => {
    const r = run('template.yaml', yamlTask('          # ecs-lint-disable-next-line task/no-host-ipc -- reason'));
    assert.equal(of(r, UNUSED).length, 1);
    assert.equal(of(r, PRIV).length, 1);
  });

  it('stacked directives, several ids and globs apply to the next line that is not blank or a comment', () => {
    const above = [
      '          # ecs-lint-disable-next-line task/no-host-ipc, task/image-pinned -- ipc is not set here',
      '',
      `          # ecs-lint-disable-next-line task/no-p* -- GPU driver`,
    ].join('\n');
    const r = run('template.yaml', yamlTask(above));
    assert.deepEqual(of(r, PRIV), []);
    // The first names rules that do not fire on that line: it is unused, though it reached the same line.
    assert.equal(of(r, UNUSED).length, 1);
    assert.match(textOf(r, of(r, UNUSED)[0]), /task\/no-host-ipc/);
  });

  it('ecs-lint-disable-line at the end of a line disables that line only', () => {
    const r = run('template.yaml', yamlTask('', { after: ` # ecs-lint-disable-line ${PRIV} -- GPU driver` }));
    assert.deepEqual(of(r, PRIV), []);
    assert.equal(of(r, 'task/no-host-pid').length, 1);
    const own = run('template.yaml', yamlTask(`          # ecs-lint-disable-line ${PRIV} -- GPU driver`));
    assert.match(of(own, INVALID)[0].message, /nothing else on it: use ecs-lint-disable-next-line/);
    assert.equal(of(own, PRIV).length, 1);
  });

  it('above a logical id it covers the whole resource, and no other', () => {
    // The directive above "  TaskDef:", then a second task definition (its template header lines dropped).
    const text = yamlTask('', { top: `  # ecs-lint-disable-next-line ${PRIV}, task/no-host-pid -- GPU node` }) +
      yamlTask('', { name: 'Other' }).split('\n').slice(2).join('\n');
    const r = run('template.yaml', text);
    const other = text.indexOf('  Other:');
    assert.equal(of(r, PRIV).length, 1);
    assert.ok(of(r, PRIV)[0].offset > other, 'only the other resource keeps its finding');
    assert.equal(of(r, 'task/no-host-pid').length, 1);
    assert.deepEqual(of(r, UNUSED), []);
    assert.equal(r.suppressed.filter((s) => s.by === 'directive').length, 2);
  });

  it('text in a block scalar or a quoted string is not a directive', () => {
    const above = [
      '          Command:',
      '            - |',
      `              # ecs-lint-disable-next-line ${PRIV}`,
      '              echo hi',
      `            - "# ecs-lint-disable-next-line ${PRIV} -- in a string"`,
    ].join('\n');
    const r = run('template.yaml', yamlTask(above));
    assert.equal(of(r, PRIV).length, 1);
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('config/')), []);
  });

  it('a directive naming thousands of unknown ids gets one short report', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `task/nope-${i}`).join(', ');
    const r = run('template.yaml', yamlTask(`          # ecs-lint-disable-next-line ${ids}, ${PRIV} -- GPU driver`));
    const p = of(r, INVALID);
    assert.equal(p.length, 1);
    assert.match(p[0].message, /"task\/nope-4" \(and 4995 more\)/);
    assert.ok(p[0].message.length < 400, p[0].message);
    assert.deepEqual(of(r, PRIV), [], 'the known id still applies');
  });

  it('a deeply nested template with a directive does not overflow the stack', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const r = run('template.yaml', yamlTask(`          # ecs-lint-disable-next-line ${PRIV} -- GPU driver`).replace('NetworkMode: awsvpc', `NetworkMode: ${deep}`));
    assert.ok(r.findings.some((f) => f.ruleId === 'json/syntax-error' || f.ruleId === UNUSED), JSON.stringify(r.findings.map((f) => f.ruleId)));
  });

  it('a misspelt directive keyword is reported rather than silently ignored', () => {
    const r = run('template.yaml', yamlTask(`          # ecs-lint-disable ${PRIV} -- GPU driver`));
    assert.match(of(r, INVALID)[0].message, /Unknown directive "ecs-lint-disable"/);
    assert.equal(of(r, PRIV).length, 1);
  });

  it('a YAML file that is not a template is not scanned', () => {
    const r = run('workflow.yaml', `# ecs-lint-disable-next-line ${PRIV}\non: push\n`);
    assert.deepEqual(r.findings, []);
  });
});

/** A Terraform task definition; `above` goes above the `privileged = true` line, `top` above the block header. */
function tfTask(above = '', opts: { top?: string; after?: string } = {}): string {
  return [
    ...(opts.top ? [opts.top] : []),
    'resource "aws_ecs_task_definition" "web" {',
    '  family       = "app"',
    '  network_mode = "awsvpc"',
    '  pid_mode     = "host"',
    '  container_definitions = jsonencode([',
    '    {',
    '      name  = "web"',
    '      image = "nginx:1.27"',
    ...(above ? [above] : []),
    `      privileged = true${opts.after ?? ''}`,
    '    }',
    '  ])',
    '}',
    '',
  ].join('\n');
}

describe('suppressions: comment directives in Terraform', () => {
  it('suppresses with #, // and /* */ comments', () => {
    assert.equal(of(run('main.tf', tfTask()), PRIV).length, 1, 'the finding exists without the directive');
    for (const c of [`# ecs-lint-disable-next-line ${PRIV} -- GPU`, `// ecs-lint-disable-next-line ${PRIV} -- GPU`, `/* ecs-lint-disable-next-line ${PRIV} -- GPU */`]) {
      const r = run('main.tf', tfTask(`      ${c}`));
      assert.deepEqual(of(r, PRIV), [], c);
      assert.equal(r.suppressed.find((s) => s.finding.ruleId === PRIV)?.reason, 'GPU');
      assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('config/')), [], c);
    }
  });

  it('on the wrong line: not applied, reported unused', () => {
    const text = tfTask().replace('      image', `      # ecs-lint-disable-next-line ${PRIV} -- GPU\n      image`);
    const r = run('main.tf', text);
    assert.equal(of(r, PRIV).length, 1);
    assert.equal(of(r, UNUSED).length, 1);
    assert.equal(lineOf(text, of(r, UNUSED)[0].offset), lineOf(text, text.indexOf('# ecs-lint')));
  });

  it('unknown rule id, missing reason and unused directives are reported', () => {
    const unknown = run('main.tf', tfTask('      # ecs-lint-disable-next-line task/privileged -- GPU'));
    assert.match(of(unknown, INVALID)[0].message, /Unknown rule "task\/privileged".*Did you mean "task\/no-privileged"/);
    assert.equal(of(unknown, PRIV).length, 1);
    const noReason = run('main.tf', tfTask(`      # ecs-lint-disable-next-line ${PRIV}`));
    assert.match(of(noReason, INVALID)[0].message, /needs a reason/);
    assert.equal(of(noReason, PRIV).length, 1);
    const unused = run('main.tf', tfTask('      # ecs-lint-disable-next-line task/no-host-ipc -- n/a'));
    assert.match(of(unused, UNUSED)[0].message, /suppresses nothing on line 10/);
  });

  it('a trailing ecs-lint-disable-line disables its own line', () => {
    const r = run('main.tf', tfTask('', { after: ` # ecs-lint-disable-line ${PRIV} -- GPU` }));
    assert.deepEqual(of(r, PRIV), []);
    assert.equal(of(r, 'task/no-host-pid').length, 1);
  });

  it('above a resource block header it covers the whole block, not the next one', () => {
    const text = tfTask('', { top: `# ecs-lint-disable-next-line ${PRIV}, task/no-host-pid -- GPU node pool` }) + tfTask().replace('"web" {', '"other" {');
    const r = run('main.tf', text);
    assert.equal(of(r, PRIV).length, 1);
    assert.ok(of(r, PRIV)[0].message.startsWith('aws_ecs_task_definition.other'));
    assert.equal(of(r, 'task/no-host-pid').length, 1);
    assert.deepEqual(of(r, UNUSED), []);
    const unused = run('main.tf', tfTask('', { top: '# ecs-lint-disable-next-line task/no-host-ipc -- n/a' }));
    assert.match(of(unused, UNUSED)[0].message, /suppresses nothing in resource aws_ecs_task_definition\.web/);
  });

  it('a finding is credited to the narrowest directive: a resource-level one that only repeats a line one is unused', () => {
    const r = run('main.tf', tfTask(`      # ecs-lint-disable-next-line ${PRIV} -- GPU`, { top: `# ecs-lint-disable-next-line ${PRIV} -- GPU pool` }));
    assert.deepEqual(of(r, PRIV), []);
    assert.equal(r.suppressed.find((s) => s.finding.ruleId === PRIV)?.reason, 'GPU');
    assert.match(of(r, UNUSED)[0]?.message ?? '', /in resource aws_ecs_task_definition\.web/);
  });

  it('text in a heredoc or a string is not a directive', () => {
    const text = tfTask(`      command = ["# ecs-lint-disable-next-line ${PRIV}", "\${var.a == "#" ? 1 : 2}"]`) +
      ['resource "aws_iam_policy" "p" {', '  policy = <<-EOT', `    # ecs-lint-disable-next-line ${PRIV}`, '    EOT', '}', ''].join('\n');
    const r = run('main.tf', text);
    assert.equal(of(r, PRIV).length, 1);
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('config/')), []);
  });
});

describe('suppressions: CloudFormation resource Metadata', () => {
  function jsonTemplate(metadata: unknown): string {
    const task = (name: string) => ({
      Type: 'AWS::ECS::TaskDefinition',
      ...(name === 'TaskDef' && metadata !== undefined ? { Metadata: metadata } : {}),
      Properties: { NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: name, Image: 'nginx:1.27', Privileged: true }] },
    });
    return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { TaskDef: task('TaskDef'), Other: task('Other') } }, null, 2);
  }
  const suppress = (...entries: unknown[]) => ({ 'aws:cdk:path': 'Stack/TaskDef/Resource', 'ecs-lint': { suppress: entries } });

  it('an entry suppresses its rule in that resource only (JSON template)', () => {
    const r = run('template.json', jsonTemplate(suppress({ id: PRIV, reason: 'GPU driver' })));
    assert.equal(of(r, PRIV).length, 1);
    assert.ok(of(r, PRIV)[0].message.startsWith('Other:'));
    const s = r.suppressed.find((x) => x.finding.ruleId === PRIV)!;
    assert.equal(s.by, 'directive');
    assert.equal(s.reason, 'GPU driver');
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('config/')), []);
  });

  it('reports a missing reason, an unknown id and an unused entry, each at its entry', () => {
    const r = run('template.json', jsonTemplate(suppress({ id: PRIV }, { id: 'task/no-priviledged', reason: 'x' }, { id: 'task/no-host-pid', reason: 'not set' })));
    assert.equal(of(r, PRIV).length, 2, 'nothing suppressed');
    const invalid = of(r, INVALID);
    assert.equal(invalid.length, 2);
    assert.match(invalid[0].message, /^TaskDef: ecs-lint Metadata entry needs a reason/);
    assert.deepEqual(JSON.parse(textOf(r, invalid[0])), { id: PRIV });
    assert.match(invalid[1].message, /Unknown rule "task\/no-priviledged".*Did you mean "task\/no-privileged"/);
    assert.deepEqual(JSON.parse(textOf(r, invalid[1])), { id: 'task/no-priviledged', reason: 'x' });
    const unused = of(r, UNUSED);
    assert.equal(unused.length, 1);
    assert.match(unused[0].message, /Metadata entry \(task\/no-host-pid\) suppresses nothing in resource TaskDef/);
    assert.deepEqual(JSON.parse(textOf(r, unused[0])), { id: 'task/no-host-pid', reason: 'not set' });
  });

  it('reports a malformed "ecs-lint" value instead of ignoring it', () => {
    const cases: [unknown, RegExp][] = [
      [{ 'ecs-lint': [PRIV] }, /must be an object/],
      [{ 'ecs-lint': { suppress: PRIV } }, /"suppress" must be a list/],
      [{ 'ecs-lint': { rules_to_suppress: [{ id: PRIV, reason: 'r' }] } }, /unknown key "rules_to_suppress"/],
      [{ 'ecs-lint': { suppress: [PRIV] } }, /each "suppress" entry must be/],
      [{ 'ecs-lint': { suppress: [{ id: PRIV, reasons: 'r' }] } }, /unknown key "reasons"/],
    ];
    for (const [metadata, message] of cases) {
      const r = run('template.json', jsonTemplate(metadata));
      assert.ok(of(r, INVALID).some((f) => message.test(f.message)), `${JSON.stringify(metadata)}: ${JSON.stringify(of(r, INVALID))}`);
      assert.equal(of(r, PRIV).length, 2);
    }
  });

  it('a directive comment in a JSON template is reported: Metadata is the way there', () => {
    const text = jsonTemplate(undefined).replace('"TaskDef": {', `// ecs-lint-disable-next-line ${PRIV} -- GPU\n    "TaskDef": {`);
    const r = run('template.json', text);
    assert.equal(of(r, PRIV).length, 2);
    assert.match(of(r, INVALID)[0].message, /CloudFormation rejects comments in JSON templates; use the resource's Metadata "ecs-lint" entry/);
    assert.equal(textOf(r, of(r, INVALID)[0]), `// ecs-lint-disable-next-line ${PRIV} -- GPU`);
  });

  it('works in YAML templates, where an intrinsic is not a rule id', () => {
    const meta = [
      '    Metadata:',
      '      ecs-lint:',
      '        suppress:',
      `          - id: ${PRIV}`,
      '            reason: GPU driver',
      '          - id: !Ref RuleParam',
      '            reason: r',
    ].join('\n');
    const text = yamlTask().replace('    Properties:', `${meta}\n    Properties:`);
    const r = run('template.yaml', text);
    assert.deepEqual(of(r, PRIV), []);
    assert.match(of(r, INVALID)[0].message, /must name the rules/);
  });
});

describe('suppressions: comment scanners', () => {
  it('HCL: comments outside strings, templates and heredocs; top-level resource and data blocks', () => {
    const text = [
      'locals { a = "x # no ${ "y" } // no" } # one',
      'resource "t" "n" { b = "$${" /* two */ }',
      'data "d" "m" {',
      '  c = <<EOT',
      '  # no',
      '  }',
      'EOT',
      '  // three',
      '}',
      'module "x" { }',
    ].join('\n');
    const { comments, blocks } = lexHcl(text);
    assert.deepEqual(comments.map((c) => c.body.trim()), ['one', 'two', 'three']);
    assert.deepEqual(blocks.map((b) => [b.label, text.slice(b.offset, b.offset + b.length).split('\n').length]), [['t.n', 1], ['data.d.m', 7]]);
  });

  it('YAML: comments but not block scalar lines', () => {
    const text = 'a: 1 # one\nb: |\n  # no\n# two\nc: [x, # three\n  y]\n';
    assert.deepEqual(scanComments(text, 'yaml').map((c) => c.body.trim()), ['one', 'two', 'three']);
  });
});
