// Value checks that mirror how the agent parses its settings (Go strconv/time/encoding/json).
import type { AgentVariable } from './variables';
import { AGENT_VARIABLES } from './variables';

const byName = new Map<string, AgentVariable>(AGENT_VARIABLES.map((v) => [v.name, v]));

/**
 * Names Go's net/http also reads from the agent's environment (ecs-init passes every ecs.config line to the
 * agent container). Not in the agent README, but they take effect, so they are not "unknown".
 */
const GO_PROXY_NAMES: readonly AgentVariable[] = ['HTTPS_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'].map((name) => ({
  name,
  example: '',
  linuxDefault: '(unset)',
  windowsDefault: '(unset)',
  meaning: `read by Go's net/http in the agent like ${name.toUpperCase()} (not in the agent README)`,
  type: 'string',
}));
for (const v of GO_PROXY_NAMES) byName.set(v.name, v);

export function agentVariable(name: string): AgentVariable | undefined {
  return byName.get(name);
}

export function knownAgentNames(): string[] {
  return [...byName.keys()];
}

/** strconv.ParseBool, which the agent uses for its boolean settings. undefined = not a boolean. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** time.ParseDuration syntax: "0" or a sequence of decimal numbers with units (300ms, 1h30m, 2.5s). */
const DURATION = /^[+-]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

export function isGoDuration(s: string): boolean {
  return DURATION.test(s);
}

/** Why `value` is not valid for `v`, or undefined when it is (empty values mean "unset" to the agent). */
export function valueProblem(v: AgentVariable, value: string): string | undefined {
  if (value === '') return undefined;
  switch (v.type) {
    case 'boolean':
      return parseGoBool(value) === undefined ? `${v.name} is a boolean: use true or false` : undefined;
    case 'duration':
      return isGoDuration(value) ? undefined : `${v.name} is a Go duration such as 10s, 30m or 1h30m (a bare number has no unit and is rejected)`;
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? undefined : `${v.name} is an integer`;
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) ? undefined : `${v.name} is a number`;
    case 'enum': {
      const ok = v.values ?? [];
      return ok.includes(value) ? undefined : `${v.name} must be one of ${ok.join(', ')}`;
    }
    case 'pattern':
      return v.pattern && !new RegExp(v.pattern).test(value) ? `${v.name} must be ${v.expected ?? `like ${v.example}`}` : undefined;
    case 'json': {
      let parsed: unknown;
      try { parsed = JSON.parse(value); } catch (e) {
        // JSON.parse messages quote the input: keep them out for the credentials variable.
        const detail = v.name === 'ECS_ENGINE_AUTH_DATA' ? '' : ` (${e instanceof Error ? e.message : 'parse error'})`;
        return `${v.name} must be a JSON ${v.shape ?? 'value'} on one line${detail}`;
      }
      const isArray = Array.isArray(parsed);
      const isObject = typeof parsed === 'object' && parsed !== null && !isArray;
      if (v.shape === 'array' && !isArray) return `${v.name} must be a JSON array such as ${v.example}`;
      if (v.shape === 'object' && !isObject) return `${v.name} must be a JSON object such as ${v.name === 'ECS_ENGINE_AUTH_DATA' ? '{"registry":{...}}' : v.example}`;
      return undefined;
    }
    default:
      return undefined;
  }
}
