// JSON Schema of .ecslintrc* (and package.json "ecsLint"), generated from the rules' metadata so that rule ids and
// options can never drift from the engine (test/unit/config-schema.test.ts compares it with schemas/).
import { DOCUMENT_KINDS, SYNTAX_RULE_ID, type Rule } from '../rules';
import { CONFIG_RULE_IDS } from './types';

type Schema = Record<string, unknown>;

const SEVERITY: Schema = { type: 'string', enum: ['off', 'error', 'warning', 'info', 'hint'], description: 'off, error, warning, info or hint' };

function ruleValue(rule: Rule | undefined): Schema {
  const spec = rule?.meta.options;
  const options: Schema | undefined = spec && {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, {
      type: 'array', items: { type: 'string', ...(s.type === 'regex-list' ? { format: 'regex' } : {}) }, description: s.description,
    }])),
  };
  return {
    ...(rule ? { description: `${rule.meta.description}${rule.meta.defaultOff ? ' (off by default)' : ` (default: ${rule.meta.defaultSeverity})`}` } : {}),
    anyOf: [
      { $ref: '#/definitions/severity' },
      options
        ? { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2 }
        : { type: 'array', items: [{ $ref: '#/definitions/severity' }], minItems: 1, maxItems: 1 },
      { type: 'object', additionalProperties: false, properties: { severity: { $ref: '#/definitions/severity' }, ...(options ? { options } : {}) } },
    ],
  };
}

export function buildConfigSchema(rules: readonly Rule[]): Schema {
  const ids = [...rules.map((r) => r.meta.id), SYNTAX_RULE_ID, ...CONFIG_RULE_IDS];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ECS Security Lint configuration (.ecslintrc.json, .ecslintrc.yaml, package.json "ecsLint")',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: SEVERITY,
      ignoreEntry: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1, description: 'Rule id, or a glob such as "task/*".', examples: ids },
          files: { description: 'Globs relative to this config file; a glob without "/" matches the file name anywhere below it.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
          at: { type: 'string', description: 'Where: a JSON pointer ("/containerDefinitions/0"), a container name or an IAM statement Sid.' },
          reason: { type: 'string', minLength: 1, pattern: '\\S', description: 'Why the finding is acceptable (required).' },
        },
      },
    },
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop looking for config files in parent directories.' },
      extends: {
        description: 'Config file(s) applied before this one, as paths relative to it.',
        anyOf: [{ type: 'string', pattern: '^(\\.{1,2}[\\\\/]|/|[a-zA-Z]:[\\\\/])' }, { type: 'array', items: { type: 'string', pattern: '^(\\.{1,2}[\\\\/]|/|[a-zA-Z]:[\\\\/])' } }],
      },
      rules: {
        type: 'object',
        description: 'Severity (and options) per rule id: "warning", ["error", {options}] or {"severity": ..., "options": {...}}.',
        propertyNames: { enum: ids },
        properties: Object.fromEntries(ids.map((id) => [id, ruleValue(byId.get(id))])),
      },
      files: {
        type: 'object',
        additionalProperties: false,
        properties: {
          associations: {
            type: 'object',
            description: 'Glob (relative to this file) -> document kind, like the ecsLint.files.associations setting.',
            additionalProperties: { type: 'string', enum: [...DOCUMENT_KINDS] },
          },
        },
      },
      ignorePatterns: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Files and directories not to lint (globs relative to this file).' },
      ignores: { type: 'array', items: { $ref: '#/definitions/ignoreEntry' }, description: 'Suppressions; each needs a reason. Entries that suppress nothing are reported as config/unused-ignore.' },
    },
  };
}

/** For package.json: the same schema under the "ecsLint" key (VS Code combines it with the built-in package.json schema). */
export function buildPackageJsonSchema(rules: readonly Rule[]): Schema {
  const inner = buildConfigSchema(rules);
  const { $schema, definitions, ...rest } = inner;
  return { $schema, definitions, properties: { ecsLint: rest } };
}
