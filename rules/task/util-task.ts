// Shared helpers for the task-level and service rules: template placeholders.

/** Template slots left for a renderer: ${VAR}, {{ .Env.X }}, {{must_env `X`}}, <IMAGE1_NAME>, {INSERT role}, #{X}, $VAR, $$VAR$$. */
export function isTemplated(s: string): boolean {
  return /\{[^{}]+\}|<[^<>]+>|^\$[A-Z_][A-Z0-9_]*$|\$\$[A-Z0-9_]+\$\$/i.test(s);
}
