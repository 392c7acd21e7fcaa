// Output formats in-process: SARIF (schema-valid, rule metadata, locations, suppressions), JUnit (well-formed XML,
// escaping), GitHub annotations (escaping), the rule list, and pure parts of the CLI (args, exit status).
import * as assert from 'node:assert/strict';
import { parseArgs, suggest } from '../../cli/args';
import { exitStatus, ruleMetas } from '../../cli/cli';
import { readRuleDoc } from '../../cli/docs';
import type { FileReport } from '../../cli/format';
import { escapeData, escapeProperty, formatGithub } from '../../cli/formats/github';
import { escapeXml, formatJunit } from '../../cli/formats/junit';
import { formatRuleList } from '../../cli/formats/rules';
import { artifactLocation, formatSarif, repositoryUrl, type SarifContext } from '../../cli/formats/sarif';
import { allRules } from '../../rules';
import { assertValidSarif } from './sarif-check';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- sax has no bundled types; a strict XML parser for the test
const sax = require('sax') as { parser(strict: boolean): { onerror: (e: Error) => void; onopentag: (t: { name: string; attributes: Record<string, string> }) => void; ontext: (t: string) => void; write(s: string): { close(): void } } };

const range = (l: number, c: number, l2: number, c2: number) => ({ start: { line: l, character: c }, end: { line: l2, character: c2 } });
const reports: FileReport[] = [
  {
    path: '/work/repo/deploy/task, "web".json', kind: 'task-definition',
    findings: [
      { ruleId: 'task/no-privileged', severity: 'error', message: 'Container "app" runs privileged: 100% <root>\nfix it', range: range(3, 4, 3, 22), offset: 40, length: 18, fingerprint: 'abc123' },
      { ruleId: 'json/syntax-error', severity: 'warning', message: 'w', range: range(5, 0, 5, 1), offset: 70, length: 1 },
      { ruleId: 'task/no-privileged', severity: 'info', message: 'i', range: range(6, 0, 6, 1), offset: 80, length: 1 },
    ],
    suppressed: [
      { ruleId: 'task/no-privileged', severity: 'error', message: 's1', range: range(7, 0, 7, 3), offset: 90, length: 3, by: 'baseline', fingerprint: 'f1' },
      { ruleId: 'task/no-privileged', severity: 'error', message: 's2', range: range(8, 0, 8, 3), offset: 95, length: 3, by: 'directive', reason: 'needed for the CNI' },
    ],
  },
  { path: '/elsewhere/policy.json', kind: 'identity-policy', findings: [] },
  { path: '/work/repo/bin.json', kind: 'unknown', findings: [], error: 'binary file' },
  { path: '/work/repo/package.json', kind: 'unknown', findings: [] },
];

const ctx: SarifContext = {
  toolVersion: '1.2.3', repositoryUrl: 'https://github.com/acme/ecs-security-lint', rules: ruleMetas(), docs: readRuleDoc,
  cwd: '/work/repo', resolve: (p) => p, executionSuccessful: false, notifications: ['/work/repo/bin.json: binary file'],
};

describe('cli formats', () => {
  describe('sarif', () => {
    const log = JSON.parse(formatSarif(reports, ctx));
    const run = log.runs[0];

    it('is a valid SARIF 2.1.0 log', () => assertValidSarif(log));

    it('the validator rejects a broken log (it can fail)', () => {
      const broken = JSON.parse(JSON.stringify(log));
      broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      assert.throws(() => assertValidSarif(broken));
      const badRef = JSON.parse(JSON.stringify(log));
      badRef.runs[0].results[0].ruleIndex = badRef.runs[0].tool.driver.rules.length - 1;
      assert.throws(() => assertValidSarif(badRef));
      const badLevel = JSON.parse(JSON.stringify(log));
      badLevel.runs[0].results[0].level = 'fatal';
      assert.throws(() => assertValidSarif(badLevel), /level|enum|allowed/);
    });

    it('describes every rule with docs, help URI, level and security-severity', () => {
      const { driver } = run.tool;
      assert.equal(driver.name, 'ecs-lint');
      assert.equal(driver.version, '1.2.3');
      assert.equal(driver.informationUri, 'https://github.com/acme/ecs-security-lint');
      assert.equal(driver.rules.length, allRules.length + 5);
      const priv = driver.rules.find((r: any) => r.id === 'task/no-privileged');
      assert.equal(priv.helpUri, 'https://github.com/acme/ecs-security-lint/blob/main/rules/docs/task/no-privileged.md');
      assert.match(priv.help.markdown, /^# task\/no-privileged/);
      assert.equal(priv.defaultConfiguration.level, 'error');
      assert.deepEqual(priv.properties, { tags: ['security'], 'security-severity': '8.0' });
      const syntax = driver.rules.find((r: any) => r.id === 'json/syntax-error');
      // Pseudo-rules too: code scanning shows a rule without help blank.
      assert.equal(syntax.helpUri, 'https://github.com/acme/ecs-security-lint/blob/main/rules/docs/json/syntax-error.md');
      assert.match(syntax.help.markdown, /^# json\/syntax-error/);
      assert.deepEqual(driver.rules.filter((r: any) => !r.help || !r.helpUri).map((r: any) => r.id), []);
      const warn = driver.rules.find((r: any) => r.defaultConfiguration.level === 'warning');
      assert.equal(warn.properties['security-severity'], '5.0');
    });

    it('places results with 1-based regions, char offsets, fingerprints and relative artifact URIs', () => {
      const r0 = run.results[0];
      assert.equal(r0.ruleId, 'task/no-privileged');
      assert.equal(run.tool.driver.rules[r0.ruleIndex].id, 'task/no-privileged');
      assert.equal(r0.level, 'error');
      assert.equal(r0.message.text, 'Container "app" runs privileged: 100% <root>\nfix it');
      const loc = r0.locations[0].physicalLocation;
      assert.deepEqual(loc.region, { startLine: 4, startColumn: 5, endLine: 4, endColumn: 23, charOffset: 40, charLength: 18 });
      assert.deepEqual(loc.artifactLocation, { uri: 'deploy/task%2C%20%22web%22.json', uriBaseId: '%SRCROOT%', index: 0 });
      assert.deepEqual(r0.partialFingerprints, { 'ecsLintFingerprint/v1': 'abc123' });
      assert.equal(run.results[2].level, 'note', 'info maps to note');
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
      // Clean files are artifacts; unknown-kind files without findings are not.
      assert.deepEqual(run.artifacts.map((a: any) => a.location.uri), ['deploy/task%2C%20%22web%22.json', 'file:///elsewhere/policy.json', 'bin.json']);
      assert.equal(run.invocations[0].executionSuccessful, false);
      assert.equal(run.invocations[0].toolExecutionNotifications[0].message.text, '/work/repo/bin.json: binary file');
    });

    it('reports suppressed findings with external (baseline/config) or inSource (directive) suppressions', () => {
      const s = run.results.filter((r: any) => r.suppressions);
      assert.deepEqual(s.map((r: any) => r.suppressions[0].kind), ['external', 'inSource']);
      assert.equal(s[1].suppressions[0].justification, 'needed for the CNI');
      assert.equal(run.results.length, 6);
    });

    it('reports a file that could not be linted as an error result, not as a clean file', () => {
      const r = run.results.find((x: any) => x.ruleId === 'internal/not-linted');
      assert.equal(r.level, 'error');
      assert.match(r.message.text, /binary file/);
      assert.equal(run.invocations[0].executionSuccessful, false);
    });

    it('derives a GitHub URL from package.json repository forms', () => {
      assert.equal(repositoryUrl('github:o/r'), 'https://github.com/o/r');
      assert.equal(repositoryUrl('o/r'), 'https://github.com/o/r');
      assert.equal(repositoryUrl({ type: 'git', url: 'git+https://github.com/o/r.git' }), 'https://github.com/o/r');
      assert.equal(repositoryUrl(undefined), undefined);
      assert.equal(repositoryUrl({ url: 42 }), undefined);
    });

    it('keeps paths outside the working directory absolute', () => {
      assert.deepEqual(artifactLocation('/a/b c.json', { cwd: '/work', resolve: (p) => p }), { uri: 'file:///a/b%20c.json' });
      assert.deepEqual(artifactLocation('/workspace/x.json', { cwd: '/work', resolve: (p) => p }), { uri: 'file:///workspace/x.json' }, 'a sibling with a common prefix is outside');
    });
  });

  describe('junit', () => {
    function parse(xml: string) {
      const tags: { name: string; attributes: Record<string, string> }[] = [];
      let text = '';
      const p = sax.parser(true);
      p.onerror = (e) => { throw e; };
      p.onopentag = (t) => tags.push(t);
      p.ontext = (t) => { text += t; };
      p.write(xml).close();
      return { tags, text };
    }

    it('is well-formed XML with one testsuite per file and one testcase per finding', () => {
      const xml = formatJunit(reports, 'error');
      const { tags, text } = parse(xml);
      const suites = tags.filter((t) => t.name === 'testsuite');
      assert.deepEqual(suites.map((s) => s.attributes.name), ['/work/repo/deploy/task, "web".json', '/elsewhere/policy.json', '/work/repo/bin.json']);
      assert.deepEqual(suites.map((s) => [s.attributes.tests, s.attributes.failures, s.attributes.errors]), [['3', '1', '0'], ['1', '0', '0'], ['1', '0', '1']]);
      const failures = tags.filter((t) => t.name === 'failure');
      assert.equal(failures.length, 1);
      assert.equal(failures[0].attributes.message, 'Container "app" runs privileged: 100% <root>\nfix it');
      assert.match(text, /task, "web"\.json:4:5 error Container "app" runs privileged: 100% <root>/);
      const root = tags[0];
      assert.deepEqual([root.name, root.attributes.tests, root.attributes.failures, root.attributes.errors], ['testsuites', '5', '1', '1']);
    });

    it('fails at the --fail-on level and escapes control characters away', () => {
      assert.equal(parse(formatJunit(reports, 'info')).tags.filter((t) => t.name === 'failure').length, 3);
      assert.equal(escapeXml('a\u0001b<&>"\''), 'ab&lt;&amp;&gt;&quot;&apos;');
      assert.doesNotThrow(() => parse(formatJunit([{ path: 'x\u0007.json', kind: 'task-definition', findings: [] }], 'error')));
    });
  });

  describe('github', () => {
    it('prints one annotation per finding with escaped properties and message', () => {
      const out = formatGithub(reports, (p) => p.replace('/work/repo/', ''));
      const lines = out.trimEnd().split('\n');
      assert.equal(lines[0], '::error file=deploy/task%2C "web".json,line=4,col=5,endLine=4,endColumn=23,title=task/no-privileged::Container "app" runs privileged: 100%25 <root>%0Afix it');
      assert.match(lines[1], /^::warning file=.*title=json\/syntax-error::w$/);
      assert.match(lines[2], /^::notice /);
      assert.equal(lines[3], '::error file=bin.json,title=ecs-lint::not linted: binary file');
      assert.equal(lines.length, 4, 'suppressed findings and clean files print nothing');
      assert.equal(escapeProperty('a:b,c%\r\n'), 'a%3Ab%2Cc%25%0D%0A');
      assert.equal(escapeData('a:b,c%\r\n'), 'a:b,c%25%0D%0A');
      assert.equal(formatGithub([], (p) => p), '');
    });
  });

  describe('rule list', () => {
    it('lists every rule sorted, as text and JSON', () => {
      const json = JSON.parse(formatRuleList(allRules.map((r) => r.meta), 'json'));
      assert.equal(json.length, allRules.length);
      assert.deepEqual(json.map((r: any) => r.id), [...allRules.map((r) => r.meta.id)].sort((a, b) => a.localeCompare(b)));
      assert.deepEqual(Object.keys(json[0]), ['id', 'defaultSeverity', 'kinds', 'description', 'fixable', 'references']);
      const text = formatRuleList(allRules.map((r) => r.meta), 'text');
      assert.match(text, /^ID\s+SEVERITY\s+KINDS\n/);
      assert.match(text, /\ntask\/no-privileged\s+error\s+task-definition,container-definitions\n\s+\S/);
    });
  });

  describe('args and exit status', () => {
    const known = ruleMetas().map((m) => m.id);
    it('parses the pipeline flags', () => {
      const r = parseArgs(['--format', 'sarif', '--fail-on=warning', '--max-warnings', '3', '--quiet', '--rule', 'task/no-privileged=warning',
        '--rule=iam/wildcard-action=off', '--config', 'c.json', '--output', 'o.sarif', '--baseline', 'b.json', 'dir'], known);
      assert.ok(r.ok);
      assert.equal(r.options.format, 'sarif');
      assert.equal(r.options.failOn, 'warning');
      assert.equal(r.options.maxWarnings, 3);
      assert.equal(r.options.quiet, true);
      assert.deepEqual(r.options.rules, { 'task/no-privileged': 'warning', 'iam/wildcard-action': 'off' });
      assert.equal(r.options.config, 'c.json');
      assert.equal(r.options.output, 'o.sarif');
      assert.equal(r.options.baseline, 'b.json');
      assert.deepEqual(r.options.paths, ['dir']);
    });
    it('rejects bad values, conflicting flags and unknown rules (with a suggestion)', () => {
      const bad = (args: string[], re: RegExp) => {
        const r = parseArgs(args, known);
        assert.ok(!r.ok, args.join(' '));
        assert.match(r.error, re);
      };
      bad(['--fail-on', 'hint', 'a'], /--fail-on must be/);
      bad(['--max-warnings', '-1', 'a'], /whole number/);
      bad(['--rule', 'task/no-privileged', 'a'], /ID=SEVERITY/);
      bad(['--rule', 'task/no-privileged=loud', 'a'], /severity must be one of/);
      bad(['--rule', 'task/no-privilegd=off', 'a'], /unknown rule "task\/no-privilegd" \(did you mean "task\/no-privileged"\?\)/);
      bad(['--rule', 'service/no-privileged=off', 'a'], /did you mean "task\/no-privileged"/);
      bad(['--config', 'a', '--no-config', 'b'], /cannot be combined/);
      bad(['--stdin', 'a.json'], /cannot be combined/);
      bad(['--stdin-filename', 'x.json'], /needs --stdin/);
      bad(['--quiet=1', 'a'], /takes no value/);
      bad(['--output'], /needs a file name/);
      assert.ok(parseArgs(['--list-rules'], known).ok, 'no PATH needed');
      assert.ok(parseArgs(['--explain', 'task/no-privileged'], known).ok);
      assert.ok(parseArgs(['--stdin'], known).ok);
      assert.equal(suggest('zzzzzz', known), undefined);
    });
    it('computes the exit status from fail-on and max-warnings; errors win', () => {
      const f = (severity: 'error' | 'warning' | 'info') => ({ ruleId: 'x/y', severity, message: '', range: range(0, 0, 0, 1), offset: 0, length: 1 });
      const rep = (...sev: ('error' | 'warning' | 'info')[]): FileReport[] => [{ path: 'a', kind: 'task-definition', findings: sev.map(f) }];
      assert.equal(exitStatus(rep(), { failOn: 'error' }, 0), 0);
      assert.equal(exitStatus(rep('warning', 'info'), { failOn: 'error' }, 0), 0);
      assert.equal(exitStatus(rep('error'), { failOn: 'error' }, 0), 1);
      assert.equal(exitStatus(rep('warning'), { failOn: 'warning' }, 0), 1);
      assert.equal(exitStatus(rep('info'), { failOn: 'warning' }, 0), 0);
      assert.equal(exitStatus(rep('info'), { failOn: 'info' }, 0), 1);
      assert.equal(exitStatus(rep('warning', 'warning'), { failOn: 'error', maxWarnings: 2 }, 0), 0);
      assert.equal(exitStatus(rep('warning', 'warning', 'warning'), { failOn: 'error', maxWarnings: 2 }, 0), 1);
      assert.equal(exitStatus(rep(), { failOn: 'error' }, 1), 2);
    });
  });
});
