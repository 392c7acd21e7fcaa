// Which documents the extension lints: by language id where the editor knows the language, and by file name whatever
// the language id. Without the HashiCorp extension `.tf` files are Plain Text; CloudFormation templates are `yaml`,
// `json`, Plain Text (`*.template`) or an extension's own id (`cloudformation`, ...) depending on what is installed;
// EC2 user-data scripts are `shellscript`. The server decides from the content whether there is anything to lint.
import type { DocumentSelector } from 'vscode-languageclient';

export const LANGUAGES = ['json', 'jsonc', 'ecs-agent-config', 'yaml', 'terraform'];
export const FILE_PATTERNS = ['**/*.tf', '**/*.{json,jsonc,yaml,yml,template}', '**/{ecs.config,*.ecs.config}', '**/*.{sh,bash}'];

/** The language client's selector; `vscode.languages.match` accepts the same filters. */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
  ...FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
];
