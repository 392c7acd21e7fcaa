// --list-rules: the rule catalogue as an aligned table or JSON.
import type { RuleMeta } from '../../rules';

/** `off` for rules that only run once configured (their severity when enabled is in the docs). */
function severity(r: RuleMeta): string {
  return r.defaultOff ? 'off' : r.defaultSeverity;
}

export function formatRuleList(rules: readonly RuleMeta[], format: 'text' | 'json'): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') {
    return JSON.stringify(sorted.map((r) => ({
      id: r.id, defaultSeverity: severity(r), kinds: r.kinds, description: r.description, fixable: r.fixable, references: r.references,
    })), null, 2) + '\n';
  }
  const idWidth = Math.max(...sorted.map((r) => r.id.length), 2);
  const sevWidth = Math.max(...sorted.map((r) => severity(r).length), 8);
  const lines = sorted.map((r) =>
    `${r.id.padEnd(idWidth)}  ${severity(r).padEnd(sevWidth)}  ${r.kinds.join(',')}\n${' '.repeat(idWidth + sevWidth + 4)}${r.description}`);
  return `${'ID'.padEnd(idWidth)}  ${'SEVERITY'.padEnd(sevWidth)}  KINDS\n${lines.join('\n')}\n`;
}
