// JUnit XML output (Jenkins, GitLab, Azure Pipelines test reports): one testsuite per file, one testcase per finding.
import type { Severity } from '../../rules';
import type { FileReport } from '../format';

/** XML 1.0 forbids most control characters even when escaped: drop them. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Severities that become <failure>; the rest are listed as passing testcases with the finding in system-out. */
export function formatJunit(files: readonly FileReport[], failOn: Severity): string {
  const rank: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of files) {
    if (file.kind === 'unknown' && !file.error && file.findings.length === 0) continue;
    const path = escapeXml(file.path);
    const cases: string[] = [];
    let suiteFailures = 0;
    if (file.error) {
      errors++;
      cases.push(`    <testcase name="${path}" classname="${path}">\n      <error message="${escapeXml(file.error)}"/>\n    </testcase>`);
    } else if (file.findings.length === 0) {
      // A clean file still shows up in the report as one passing test.
      cases.push(`    <testcase name="no findings" classname="${path}"/>`);
    }
    for (const f of file.findings) {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const name = escapeXml(`${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}`);
      const body = escapeXml(`${where} ${f.severity} ${f.message} [${f.ruleId}]`);
      if (rank[f.severity] >= rank[failOn]) {
        suiteFailures++;
        cases.push(`    <testcase name="${name}" classname="${path}">\n      <failure message="${escapeXml(f.message)}" type="${f.severity}">${body}</failure>\n    </testcase>`);
      } else {
        cases.push(`    <testcase name="${name}" classname="${path}">\n      <system-out>${body}</system-out>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${path}" tests="${cases.length}" failures="${suiteFailures}" errors="${file.error ? 1 : 0}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ecs-lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
