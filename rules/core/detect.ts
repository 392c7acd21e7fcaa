// Document kind detection: the user's associations win, then content, then file-name conventions.
import type { DocumentKind, JsonNode, ParsedJson } from './types';
import { DOCUMENT_KINDS } from './types';
import { child, elements, properties, stringList } from './json';
import { isCloudFormationJsonRoot, looksLikeCloudFormationYaml } from '../hosts/cfn';
import { globMatcher } from './glob';

export type Associations = Record<string, string>;

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1];
}

const matcherCache = new Map<string, (s: string) => boolean>();
function matcher(glob: string): (s: string) => boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    // A glob without a slash matches the base name anywhere (like .gitignore and files.associations). Linear-time
    // matching (core/glob.ts): associations come from repositories' settings.
    let isMatch: (s: string) => boolean;
    try { isMatch = globMatcher(glob, { nocase: true, basename: true }); } catch { isMatch = () => false; }
    m = (s: string) => isMatch(s.replace(/\\/g, '/'));
    matcherCache.set(glob, m);
  }
  return m;
}

export function isDocumentKind(s: unknown): s is DocumentKind {
  return typeof s === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(s);
}

/** The kind set by a user association for this file, if any (later entries win). */
export function kindFromAssociations(fileName: string | undefined, associations: Associations | undefined): DocumentKind | undefined {
  if (!fileName || !associations) return undefined;
  let found: DocumentKind | undefined;
  for (const [glob, kind] of Object.entries(associations)) {
    if (isDocumentKind(kind) && matcher(glob)(fileName)) found = kind;
  }
  return found;
}

/** Kind suggested by the file name alone. */
export function kindFromFileName(fileName: string | undefined): DocumentKind | undefined {
  if (!fileName) return undefined;
  const b = baseName(fileName).toLowerCase();
  if (b === 'ecs.config' || b.endsWith('.ecs.config')) return 'agent-config';
  if (b.endsWith('.tf')) return 'terraform';
  if (!/\.jsonc?$/.test(b)) return undefined;
  if (/container[-_]?definitions?/.test(b)) return 'container-definitions';
  if (b === 'taskdef.json' || /task[-_]?def/.test(b)) return 'task-definition';
  if (/service[-_]?def/.test(b) || /^service\.jsonc?$/.test(b)) return 'service-definition';
  if (/trust|assume[-_]?role/.test(b)) return 'trust-policy';
  if (/endpoint/.test(b) && /polic/.test(b)) return 'endpoint-policy';
  if (/(ecr|repo(sitory)?)[-_]?polic/.test(b)) return 'ecr-repository-policy';
  if (/polic|permissions?/.test(b)) return 'identity-policy';
  return undefined;
}

const TRUST_ACTIONS = /^sts:(assumerole|assumerolewithwebidentity|assumerolewithsaml|tagsession|setsourceidentity|setcontext)$/i;

function looksLikeContainer(n: JsonNode): boolean {
  if (n.type !== 'object') return false;
  const keys = new Set(properties(n).map((p) => p.key));
  return keys.has('image') || (keys.has('name') && (keys.has('essential') || keys.has('portMappings') || keys.has('environment') || keys.has('memory') || keys.has('cpu')));
}

function policyKind(root: JsonNode, nameHint: DocumentKind | undefined): DocumentKind | undefined {
  const stmtNode = child(root, 'Statement');
  if (!stmtNode) return undefined;
  const statements = stmtNode.type === 'array' ? elements(stmtNode) : [stmtNode];
  let hasPrincipal = false, trust = false, allEcr = true, anyAction = false, hasResource = false;
  for (const s of statements) {
    if (child(s, 'Principal') || child(s, 'NotPrincipal')) hasPrincipal = true;
    if (child(s, 'Resource') || child(s, 'NotResource')) hasResource = true;
    for (const a of [...stringList(child(s, 'Action')), ...stringList(child(s, 'NotAction'))]) {
      anyAction = true;
      if (TRUST_ACTIONS.test(a.value)) trust = true;
      if (!/^ecr:/i.test(a.value)) allEcr = false;
    }
  }
  if (!hasPrincipal) return 'identity-policy';
  if (nameHint === 'trust-policy' || nameHint === 'endpoint-policy' || nameHint === 'ecr-repository-policy') return nameHint;
  if (trust) return 'trust-policy';
  if (anyAction && allEcr && !hasResource) return 'ecr-repository-policy';
  return 'endpoint-policy';
}

/** Content-based detection for a parsed JSON document. */
export function kindFromJson(json: ParsedJson, nameHint?: DocumentKind): DocumentKind | undefined {
  const root = json.root;
  if (!root) return undefined;
  if (root.type === 'array') {
    const items = elements(root);
    return items.length > 0 && items.some(looksLikeContainer) ? 'container-definitions' : undefined;
  }
  if (root.type !== 'object') return undefined;
  const td = child(root, 'taskDefinition');
  if (td?.type === 'object') return 'task-definition';
  if (child(root, 'containerDefinitions')) return 'task-definition';
  if (child(root, 'serviceName') || child(root, 'service') && child(root, 'cluster')) return 'service-definition';
  if (td?.type === 'string' && (child(root, 'cluster') || child(root, 'desiredCount') || child(root, 'launchType') || child(root, 'networkConfiguration'))) {
    return 'service-definition';
  }
  if (child(root, 'family') && (child(root, 'networkMode') || child(root, 'requiresCompatibilities') || child(root, 'taskRoleArn') || child(root, 'executionRoleArn'))) {
    return 'task-definition';
  }
  return policyKind(root, nameHint);
}

function isWeakName(fileName: string): boolean {
  const b = baseName(fileName).toLowerCase();
  return kindFromFileName(fileName) === 'identity-policy' || (/^service\.jsonc?$/.test(b));
}

const AGENT_LINE = /^\s*(export\s+)?(ECS_[A-Z0-9_]+|HTTPS?_PROXY|NO_PROXY|DOCKER_HOST)\s*=/m;

export interface DetectInput {
  text: string;
  fileName?: string;
  json?: ParsedJson;
  associations?: Associations;
}

/** Decide the kind of a document. `json` must be given for JSON-like text (it is parsed once by the caller). */
export function detectKind(input: DetectInput): DocumentKind {
  const assoc = kindFromAssociations(input.fileName, input.associations);
  if (assoc) return assoc;
  const byName = kindFromFileName(input.fileName);
  if (byName === 'agent-config' || byName === 'terraform') return byName;
  // Shell scripts / EC2 user data writing ecs.config: the agent rules lint the lines they write.
  if ((/(\.(sh|bash)|user-?data)$/i.test(input.fileName ?? '') || input.text.startsWith('#!'))
    && /\/etc\/ecs\/ecs\.config(?![\w.-])/.test(input.text)) return 'agent-config';
  if (input.json?.root && isCloudFormationJsonRoot(input.json.root)) return 'cloudformation';
  if (input.json?.root) {
    const byContent = kindFromJson(input.json, byName);
    if (byContent) return byContent;
    // Content says nothing (e.g. a fresh `{}`): trust only strong names, never the loose `*policy*.json`.
    return byName && !isWeakName(input.fileName!) ? byName : 'unknown';
  }
  // Not JSON: maybe an ecs.config pasted under another name.
  const trimmed = input.text.trimStart();
  if (!trimmed.startsWith('{') && /(\.ya?ml|\.template)$|^[^.]*$/i.test(baseName(input.fileName ?? 'untitled')) && looksLikeCloudFormationYaml(input.text)) {
    return 'cloudformation';
  }
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && AGENT_LINE.test(input.text) && !input.fileName?.match(/\.jsonc?$/i)) {
    return 'agent-config';
  }
  return byName ?? 'unknown';
}
