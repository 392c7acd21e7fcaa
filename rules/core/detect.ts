// Document kind detection: the user's associations win, then content, then file-name conventions.
import type { DocumentKind, JsonNode, ParsedJson } from './types';
import { DOCUMENT_KINDS } from './types';
import { child, elements, properties, stringList } from './json';
import { isCloudFormationJsonRoot, looksLikeCloudFormationYaml } from './cfn-detect';
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

export function looksLikeContainer(n: JsonNode): boolean {
  if (n.type !== 'object') return false;
  const keys = new Set(properties(n).map((p) => p.key));
  return keys.has('image') || (keys.has('name') && (keys.has('essential') || keys.has('portMappings') || keys.has('environment') || keys.has('memory') || keys.has('cpu')));
}

/** Keys only an ECS container definition has (a devcontainer.json or compose file has `name` and `image` too). */
const CONTAINER_ONLY_KEYS = ['essential', 'portMappings', 'memoryReservation', 'logConfiguration', 'linuxParameters',
  'readonlyRootFilesystem', 'mountPoints', 'dependsOn', 'firelensConfiguration', 'repositoryCredentials', 'dockerLabels'];

/** Services whose resource policies (bucket, queue, topic) share the endpoint policy's shape but not its meaning. */
const RESOURCE_POLICY_SERVICE = /^(s3|sqs|sns):/i;

/**
 * A bucket, queue or topic policy: a Principal, and every action and resource of S3, SQS or SNS with at least one
 * resource or a service principal naming the resource's own service. Not an ECS document: left alone ('unknown').
 */
function isServiceResourcePolicy(statements: JsonNode[], nameHint: DocumentKind | undefined): boolean {
  if (nameHint === 'endpoint-policy') return false;
  let resource = false, service = false;
  for (const s of statements) {
    const actions = [...stringList(child(s, 'Action')), ...stringList(child(s, 'NotAction'))];
    if (!actions.length || !actions.every((a) => RESOURCE_POLICY_SERVICE.test(a.value))) return false;
    const resources = stringList(child(s, 'Resource'));
    if (resources.some((r) => /^arn:aws[a-z-]*:(s3|sqs|sns):/i.test(r.value))) resource = true;
    for (const p of stringList(child(child(s, 'Principal'), 'Service'))) if (/\.amazonaws\.com$/i.test(p.value)) service = true;
    // An endpoint policy restricts by endpoint-side keys; a resource policy often names the endpoint it trusts.
    if (properties(child(s, 'Condition')).some((op) => properties(op.value).some((k) => /^aws:SourceVpce?$/i.test(k.key)))) service = true;
  }
  return resource && service;
}

function policyKind(root: JsonNode, nameHint: DocumentKind | undefined): DocumentKind | undefined {
  const stmtNode = child(root, 'Statement');
  if (!stmtNode) return undefined;
  const statements = stmtNode.type === 'array' ? elements(stmtNode) : [stmtNode];
  let hasPrincipal = false, trust = false, allEcr = true, allKms = true, anyAction = false, hasResource = false;
  for (const s of statements) {
    if (child(s, 'Principal') || child(s, 'NotPrincipal')) hasPrincipal = true;
    if (child(s, 'Resource') || child(s, 'NotResource')) hasResource = true;
    for (const a of [...stringList(child(s, 'Action')), ...stringList(child(s, 'NotAction'))]) {
      anyAction = true;
      if (TRUST_ACTIONS.test(a.value)) trust = true;
      if (!/^ecr:/i.test(a.value)) allEcr = false;
      if (!/^kms:/i.test(a.value)) allKms = false;
    }
  }
  if (!hasPrincipal) return 'identity-policy';
  if (nameHint === 'trust-policy' || nameHint === 'endpoint-policy' || nameHint === 'ecr-repository-policy') return nameHint;
  // A trust policy has no Resource: with one, sts: actions make a resource control policy or another resource
  // policy, and all-kms: actions a key policy. Neither is an ECS document: left alone.
  if (trust && hasResource) return 'unknown';
  if (trust) return 'trust-policy';
  if (anyAction && allKms) return 'unknown';
  if (anyAction && allEcr && !hasResource) return 'ecr-repository-policy';
  if (isServiceResourcePolicy(statements, nameHint)) return 'unknown';
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
  // An ECR lifecycle policy (`rules` with `rulePriority`) is not a repository permissions policy.
  if (elements(child(root, 'rules')).some((r) => !!child(r, 'rulePriority'))) return 'unknown';
  const td = child(root, 'taskDefinition');
  if (td?.type === 'object') return 'task-definition';
  if (child(root, 'containerDefinitions')) return 'task-definition';
  if (child(root, 'serviceName') || child(root, 'service') && child(root, 'cluster')) return 'service-definition';
  if (td?.type === 'string' && (child(root, 'cluster') || child(root, 'desiredCount') || child(root, 'launchType') || child(root, 'networkConfiguration'))) {
    return 'service-definition';
  }
  // One container definition on its own (a fragment of containerDefinitions): linted as a one-container array.
  if (child(root, 'image') && child(root, 'name') && CONTAINER_ONLY_KEYS.some((k) => child(root, k))) return 'container-definitions';
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
