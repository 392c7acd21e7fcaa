// Hover text and completion names for ecs.config keys (wired by the language server).
import { agentVariable, knownAgentNames } from './values';

const TYPE_TEXT: Record<string, string> = {
  boolean: 'boolean (true/false)',
  duration: 'Go duration (10s, 30m, 1h30m)',
  integer: 'integer',
  number: 'number',
  json: 'JSON',
  enum: 'one of',
  pattern: 'text',
  string: 'text',
};

/** Markdown describing a variable, or undefined for names the agent does not read (keys are case-sensitive). */
export function describeAgentVariable(name: string): string | undefined {
  const v = agentVariable(name);
  if (!v) return undefined;
  let type = TYPE_TEXT[v.type] ?? v.type;
  if (v.type === 'enum') type += ` ${(v.values ?? []).map((x) => `\`${x}\``).join(', ')}`;
  if (v.type === 'json' && v.shape) type += ` ${v.shape}`;
  if (v.type === 'pattern' && v.expected) type = v.expected;
  const lines = [`**${v.name}**`, '', v.meaning.charAt(0).toUpperCase() + v.meaning.slice(1) + '.', '', `- Type: ${type}`];
  if (v.example && v.name !== 'ECS_ENGINE_AUTH_DATA') lines.push(`- Example: \`${v.example}\``);
  lines.push(`- Linux default: \`${v.linuxDefault}\``, `- Windows default: \`${v.windowsDefault}\``);
  return lines.join('\n');
}

/** Every key the agent or ecs-init reads, for completion. */
export function agentVariableNames(): string[] {
  return knownAgentNames().filter((n) => n === n.toUpperCase()).sort();
}
