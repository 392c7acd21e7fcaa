// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../../rules';
import type { FileReport } from '../format';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escaping of a command's message (the part after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `path` as GitHub wants it: relative to the workspace, forward slashes. */
export function formatGithub(files: readonly FileReport[], relative: (path: string) => string): string {
  const lines: string[] = [];
  for (const file of files) {
    const path = escapeProperty(relative(file.path));
    if (file.error) {
      lines.push(`::error file=${path},title=${escapeProperty('ecs-lint')}::${escapeData(`not linted: ${file.error}`)}`);
      continue;
    }
    for (const f of file.findings) {
      const props = [
        `file=${path}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
