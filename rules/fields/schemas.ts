// The file-name patterns under which the extension contributes its generated JSON Schemas (package.json
// contributes.jsonValidation; test/unit/fields-schema.test.ts keeps the two in sync). For these files VS Code's JSON
// support completes property names and enum values and shows field docs from the schema, so the language server
// leaves those to it and adds only what a schema cannot: the security context, did-you-mean for typos.
import picomatch from 'picomatch';

export const SCHEMA_FILE_PATTERNS: Readonly<Record<'task-definition' | 'container-definitions' | 'service-definition', readonly string[]>> = {
  'task-definition': ['*task-def*.json', '*taskdef*.json', '*task_def*.json'],
  'container-definitions': ['*container-definitions*.json', '*container_definitions*.json', '*containerDefinitions*.json'],
  'service-definition': ['*service-def*.json', '*service_def*.json'],
};

const matchers = Object.values(SCHEMA_FILE_PATTERNS).flat().map((g) => picomatch(g, { basename: true, nocase: true, dot: true }));

/** Is `fileName` (a path or base name) covered by one of the contributed schemas? */
export function schemaCovers(fileName: string | undefined): boolean {
  if (!fileName) return false;
  const base = fileName.split(/[\\/]/).pop()!;
  return matchers.some((m) => m(base));
}
