// Well-known ECS modules take container and service settings as module inputs. Their inputs are mapped onto the API's
// fields so the ordinary rules run on them, with findings on the input. What a module sets when an input is omitted
// is taken from its variables.tf and main.tf (facts, checked against the modules' published sources):
// - terraform-aws-modules/ecs `container-definition` (v5 snake_case inputs, v6+ the API's camelCase): readonly root
//   filesystem true, privileged false, awslogs logging unless `enable_cloudwatch_logging` / `create_cloudwatch_log_group`
//   is false; on Windows (`operating_system_family`) it drops privileged, readonly, user and linux parameters.
// - terraform-aws-modules/ecs `service`: the same per entry of `container_definitions = { key = {...} }` (name
//   defaults to the key), network mode awsvpc, FARGATE with 1024 CPU / 2048 MiB, exec and public IP off.
// - cloudposse `ecs-container-definition`: readonly root filesystem **false**, essential true; `map_environment` /
//   `map_secrets` win over the lists; any `firelens_configuration` forces user "0"; `container_definition` overrides.
// - cloudposse `ecs-alb-service-task`: network mode awsvpc, FARGATE, platform LATEST, 256 CPU / 512 MiB (`task_cpu`,
//   `task_memory`), exec (`exec_enabled`) and public IP off; containers from `container_definition_json`.
// Inputs given as variables or expressions stay unknown; module sources that are local paths are not followed.
import type { DocumentKind } from '../core/types';
import type { HclAttribute, HclBlock, HclExpr } from './hcl/parser';
import type { HNode, HProp, Range, Scalar } from './tree';

/** How the Terraform host reads HCL values (passed in: terraform.ts owns these). */
export interface HclReaders {
  node(e: HclExpr): HNode;
  /** A JSON document in a string, heredoc or jsonencode(); undefined when not one. */
  json(e: HclExpr): HNode | undefined;
}

export interface ModuleDoc { kind: DocumentKind; root: HNode }

type Known = 'tam-container' | 'tam-service' | 'cp-container' | 'cp-service';

/** Registry addresses, GitHub shorthands and git:: URLs of the modules (any ref), normalised. */
export function knownModule(source: string): Known | undefined {
  const s = source.trim().toLowerCase()
    .replace(/^git::/, '').replace(/^(https?|ssh):\/\//, '').replace(/^git@github\.com:/, 'github.com/')
    .replace(/^registry\.terraform\.io\//, '').replace(/\?.*$/, '').replace(/\.git(?=\/\/|$)/, '').replace(/\/+$/, '');
  const tam = /^(?:terraform-aws-modules\/ecs\/aws|github\.com\/terraform-aws-modules\/terraform-aws-ecs)\/\/modules\/(container-definition|service)$/.exec(s);
  if (tam) return tam[1] === 'service' ? 'tam-service' : 'tam-container';
  if (/^(?:cloudposse\/ecs-container-definition\/aws|github\.com\/cloudposse\/terraform-aws-ecs-container-definition)$/.test(s)) return 'cp-container';
  if (/^(?:cloudposse\/ecs-alb-service-task\/aws|github\.com\/cloudposse\/terraform-aws-ecs-alb-service-task)$/.test(s)) return 'cp-service';
  return undefined;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** One input: an attribute of the module block, or a key of an object (a `container_definitions` entry). */
interface Input { name: string; nameSpan: Range; value: HclExpr }

function inputsOf(items: readonly Input[]): Map<string, Input> {
  const m = new Map<string, Input>();
  for (const i of items) m.set(i.name, i);
  return m;
}

const isNull = (e: HclExpr | undefined) => e?.t === 'null';
const literalFalse = (e: HclExpr | undefined) => e?.t === 'bool' && !e.value;
const literal = (e: HclExpr | undefined) => e !== undefined && e.t !== 'expr' && e.t !== 'call';

interface ContainerSpec {
  /** Inputs that configure the module, not the container. */
  skip: ReadonlySet<string>;
  rename: ReadonlyMap<string, string>;
  /** API field -> the value the module sends when the input is omitted. */
  defaults: ReadonlyMap<string, Scalar>;
  vendor: 'tam' | 'cp';
}

const TAM_CONTAINER: ContainerSpec = {
  vendor: 'tam',
  skip: new Set(['create', 'region', 'tags', 'operating_system_family', 'enable_execute_command', 'service', 'enable_cloudwatch_logging',
    'create_cloudwatch_log_group', 'cloudwatch_log_group_name', 'cloudwatch_log_group_use_name_prefix', 'cloudwatch_log_group_class',
    'cloudwatch_log_group_retention_in_days', 'cloudwatch_log_group_kms_key_id']),
  rename: new Map([['dependencies', 'dependsOn']]),
  defaults: new Map<string, Scalar>([['readonlyRootFilesystem', true], ['privileged', false]]),
};

const CP_CONTAINER: ContainerSpec = {
  vendor: 'cp',
  skip: new Set(['container_definition', 'map_environment', 'map_secrets']),
  rename: new Map([['container_name', 'name'], ['container_image', 'image'], ['container_memory', 'memory'], ['container_memory_reservation', 'memoryReservation'],
    ['container_cpu', 'cpu'], ['container_depends_on', 'dependsOn'], ['healthcheck', 'healthCheck'], ['entrypoint', 'entryPoint']]),
  defaults: new Map<string, Scalar>([['readonlyRootFilesystem', false], ['essential', true]]),
};

/** Terraform meta-arguments of a module block: never inputs. */
const META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);

function prop(key: string, input: Input, value: HNode): HProp {
  return { key, hostKey: input.name, keyRange: input.nameSpan, value };
}

/** A value the module sets itself, shown at the module's label. */
function synthetic(key: string, value: Scalar, at: Range): HProp {
  return { key, hostKey: key, keyRange: at, value: { t: 'scalar', value, range: at } };
}

/** `{ NAME = "v" }` as the API's `[{ name = "NAME", <field> = "v" }]`; unknown unless a literal map. */
function mapToPairs(input: Input, field: 'value' | 'valueFrom', read: HclReaders): HNode {
  const v = read.node(input.value);
  if (v.t !== 'object') return v;
  return {
    t: 'array', range: v.range,
    items: v.props.map((p) => ({
      t: 'object', range: { offset: p.keyRange.offset, length: p.value.range.offset + p.value.range.length - p.keyRange.offset },
      props: [
        { key: 'name', hostKey: 'name', keyRange: p.keyRange, value: { t: 'scalar', value: p.key, range: p.keyRange } },
        { key: field, hostKey: field, keyRange: p.keyRange, value: p.value },
      ],
    })),
  };
}

function container(inputs: Map<string, Input>, spec: ContainerSpec, read: HclReaders, at: Range, fallbacks?: Map<string, Input>): HNode {
  const props: HProp[] = [];
  const has = (key: string) => props.some((p) => p.key === key);
  for (const input of inputs.values()) {
    if (META.has(input.name) || spec.skip.has(input.name)) continue;
    props.push(prop(spec.rename.get(input.name) ?? camel(input.name), input, read.node(input.value)));
  }
  // terraform-aws-modules v5 service: `container_definition_defaults` fill what an entry leaves out.
  for (const input of fallbacks?.values() ?? []) {
    const key = spec.rename.get(input.name) ?? camel(input.name);
    if (!has(key) && !spec.skip.has(input.name)) props.push(prop(key, input, read.node(input.value)));
  }
  if (spec.vendor === 'tam') tamExtras(inputs, props, at);
  else cpExtras(inputs, props, read);
  for (const [key, value] of spec.defaults) if (!has(key)) props.push(synthetic(key, value, at));
  const unknownOverride = spec.vendor === 'cp' ? cpOverride(inputs, props, read) : undefined;
  // An unknown override may set or unset any field: the container as a whole is a deploy-time value.
  if (unknownOverride) return { t: 'unknown', range: unknownOverride };
  return { t: 'object', props, range: at };
}

function replace(props: HProp[], p: HProp): void {
  const i = props.findIndex((q) => q.key === p.key);
  if (i >= 0) props.splice(i, 1);
  props.push(p);
}

function tamExtras(inputs: Map<string, Input>, props: HProp[], at: Range): void {
  if (!props.some((p) => p.key === 'logConfiguration')) {
    const gates = ['enable_cloudwatch_logging', 'create_cloudwatch_log_group'].map((n) => inputs.get(n)).filter((i): i is Input => !!i);
    const unknownGate = gates.find((g) => !literal(g.value));
    if (unknownGate) props.push(prop('logConfiguration', unknownGate, { t: 'unknown', range: unknownGate.value.span }));
    else if (!gates.some((g) => literalFalse(g.value))) {
      props.push({ key: 'logConfiguration', hostKey: 'logConfiguration', keyRange: at, value: { t: 'object', range: at, props: [synthetic('logDriver', 'awslogs', at)] } });
    }
  }
  // Not Linux (or not known to be): the module leaves these fields out, and the Linux rules cannot judge them.
  const os = inputs.get('operating_system_family');
  if (os && !(os.value.t === 'string' && !os.value.interpolated && os.value.value === 'LINUX')) {
    for (const key of ['privileged', 'readonlyRootFilesystem', 'user', 'linuxParameters']) replace(props, prop(key, os, { t: 'unknown', range: os.value.span }));
  }
}

function cpExtras(inputs: Map<string, Input>, props: HProp[], read: HclReaders): void {
  for (const [name, key, field] of [['map_environment', 'environment', 'value'], ['map_secrets', 'secrets', 'valueFrom']] as const) {
    const m = inputs.get(name);
    if (m && !isNull(m.value)) replace(props, prop(key, m, mapToPairs(m, field, read)));
  }
  const firelens = inputs.get('firelens_configuration');
  if (firelens && !isNull(firelens.value)) {
    // The module runs a FireLens router as root: `user = var.firelens_configuration != null ? "0" : var.user`.
    replace(props, prop('user', firelens, literal(firelens.value) ? { t: 'scalar', value: '0', range: firelens.nameSpan } : { t: 'unknown', range: firelens.value.span }));
  }
}

/**
 * cloudposse `container_definition`: merged over everything else (null values dropped). Returns the override's range
 * when it is not a literal object, so any field may be overridden.
 */
function cpOverride(inputs: Map<string, Input>, props: HProp[], read: HclReaders): Range | undefined {
  const override = inputs.get('container_definition');
  if (!override) return undefined;
  const o = read.node(override.value);
  if (o.t === 'object') {
    for (const p of o.props) if (p.value.t !== 'scalar' || p.value.value !== null) replace(props, p);
    return undefined;
  }
  return o.t === 'scalar' ? undefined : override.value.span;
}

const bool = (v: HNode): HNode => (v.t === 'scalar' && typeof v.value === 'boolean' ? { ...v, value: v.value ? 'ENABLED' : 'DISABLED', host: undefined } : v);

/** API field <- input, with the module's default when the input is omitted. */
type Arg = [api: string, input: string, fallback?: Scalar, convert?: (v: HNode) => HNode];

function args(inputs: Map<string, Input>, list: readonly Arg[], read: HclReaders, at: Range): HProp[] {
  const out: HProp[] = [];
  for (const [api, name, fallback, convert] of list) {
    const i = inputs.get(name);
    if (i && !isNull(i.value)) out.push(prop(api, i, (convert ?? ((v) => v))(read.node(i.value))));
    else if (fallback !== undefined) {
      const d = synthetic(api, fallback, at);
      out.push(convert ? { ...d, value: convert(d.value) } : d);
    }
  }
  return out;
}

function serviceDoc(inputs: Map<string, Input>, list: readonly Arg[], read: HclReaders, at: Range): HNode {
  const props = args(inputs, list.filter((a) => a[0] !== 'assignPublicIp'), read, at);
  const ip = args(inputs, list.filter((a) => a[0] === 'assignPublicIp'), read, at);
  if (ip.length) props.push({ key: 'networkConfiguration', hostKey: ip[0].hostKey, keyRange: ip[0].keyRange, value: { t: 'object', range: at, props: [{ ...ip[0], key: 'awsvpcConfiguration', value: { t: 'object', range: ip[0].value.range, props: ip } }] } });
  return { t: 'object', props, range: at };
}

/** Volume objects with Terraform's snake_case keys: renamed to the API's, `host_path` as `host.sourcePath`. */
function volume(v: HNode, name?: HProp): HNode {
  if (v.t === 'array') return v.items.length === 1 ? volume(v.items[0], name) : v; // cloudposse: single-item lists
  if (v.t !== 'object') return v;
  const props: HProp[] = name ? [name] : [];
  for (const p of v.props) {
    if (p.key === 'host_path') props.push({ ...p, key: 'host', value: { t: 'object', range: p.value.range, props: [{ ...p, key: 'sourcePath' }] } });
    else props.push({ ...p, key: camel(p.key), value: p.value.t === 'object' || p.value.t === 'array' ? volume(p.value) : p.value });
  }
  return { ...v, props };
}

function tamService(inputs: Map<string, Input>, read: HclReaders, at: Range): ModuleDoc[] {
  const task: HProp[] = args(inputs, [['networkMode', 'network_mode', 'awsvpc'], ['pidMode', 'pid_mode'], ['ipcMode', 'ipc_mode'],
    ['cpu', 'cpu', 1024], ['memory', 'memory', 2048]], read, at);
  const compat = inputs.get('requires_compatibilities');
  task.push(compat ? prop('requiresCompatibilities', compat, read.node(compat.value)) : { key: 'requiresCompatibilities', hostKey: 'requires_compatibilities', keyRange: at, value: { t: 'array', range: at, items: [{ t: 'scalar', value: 'FARGATE', range: at }] } });
  const defs = inputs.get('container_definitions');
  const defaults = inputs.get('container_definition_defaults');
  const fallback = defaults?.value.t === 'object' ? inputsOf(defaults.value.items.filter((i) => !i.computed).map((i) => ({ name: i.key, nameSpan: i.keySpan, value: i.value }))) : undefined;
  if (defs) {
    if (defs.value.t === 'object') {
      const items = defs.value.items.map((entry) => {
        if (entry.value.t !== 'object') return { t: 'unknown', range: entry.value.span } as HNode;
        const fields = inputsOf(entry.value.items.filter((i) => !i.computed).map((i) => ({ name: i.key, nameSpan: i.keySpan, value: i.value })));
        const c = container(fields, TAM_CONTAINER, read, entry.keySpan, fallback);
        // The name defaults to the entry's key, unknown when the key is computed (`(local.container_name) = {...}`).
        const name: HNode = entry.computed ? { t: 'unknown', range: entry.keySpan } : { t: 'scalar', value: entry.key, range: entry.keySpan };
        if (c.t === 'object' && !fields.has('name')) c.props.unshift({ key: 'name', hostKey: entry.key, keyRange: entry.keySpan, value: name });
        return c;
      });
      task.push(prop('containerDefinitions', defs, { t: 'array', range: defs.value.span, items }));
    } else task.push(prop('containerDefinitions', defs, { t: 'unknown', range: defs.value.span }));
  }
  const vols = inputs.get('volume');
  if (vols) {
    const v = read.node(vols.value);
    task.push(prop('volumes', vols, v.t === 'object'
      ? { t: 'array', range: v.range, items: v.props.map((p) => volume(p.value, { key: 'name', hostKey: 'name', keyRange: p.keyRange, value: { t: 'scalar', value: p.key, range: p.keyRange } })) }
      : v));
  }
  const service = serviceDoc(inputs, [['enableExecuteCommand', 'enable_execute_command', false], ['launchType', 'launch_type', 'FARGATE'],
    ['platformVersion', 'platform_version'], ['assignPublicIp', 'assign_public_ip', false, bool]], read, at);
  return [{ kind: 'task-definition', root: { t: 'object', props: task, range: at } }, { kind: 'service-definition', root: service }];
}

function cpService(inputs: Map<string, Input>, read: HclReaders, at: Range): ModuleDoc[] {
  const task: HProp[] = args(inputs, [['networkMode', 'network_mode', 'awsvpc'], ['pidMode', 'pid_mode'], ['ipcMode', 'ipc_mode'],
    ['cpu', 'task_cpu', 256], ['memory', 'task_memory', 512]], read, at);
  const json = inputs.get('container_definition_json');
  if (json) task.push(prop('containerDefinitions', json, read.json(json.value) ?? { t: 'unknown', range: json.value.span }));
  const volumes: HNode[] = [];
  for (const name of ['efs_volumes', 'bind_mount_volumes', 'docker_volumes']) {
    const i = inputs.get(name);
    if (!i) continue;
    const v = read.node(i.value);
    if (v.t === 'array') volumes.push(...v.items.map((x) => volume(x)));
    else volumes.push({ t: 'unknown', range: i.value.span });
  }
  if (volumes.length) task.push({ key: 'volumes', hostKey: 'efs_volumes', keyRange: at, value: { t: 'array', range: at, items: volumes } });
  const service = serviceDoc(inputs, [['enableExecuteCommand', 'exec_enabled', false], ['launchType', 'launch_type', 'FARGATE'],
    ['platformVersion', 'platform_version', 'LATEST'], ['assignPublicIp', 'assign_public_ip', false, bool]], read, at);
  return [{ kind: 'task-definition', root: { t: 'object', props: task, range: at } }, { kind: 'service-definition', root: service }];
}

/** The documents a module block configures; none for modules we do not know. `at` is where defaults are reported. */
export function moduleDocs(b: HclBlock, read: HclReaders, at: Range): ModuleDoc[] {
  const attrs = b.body.items.filter((i): i is HclAttribute => i.kind === 'attribute');
  const source = attrs.find((a) => a.name === 'source')?.value;
  const known = source?.t === 'string' && !source.interpolated ? knownModule(source.value) : undefined;
  if (!known) return [];
  const inputs = inputsOf(attrs);
  const one = (spec: ContainerSpec): ModuleDoc[] => [{ kind: 'container-definitions', root: { t: 'array', range: at, items: [container(inputs, spec, read, at)] } }];
  switch (known) {
    case 'tam-container': return one(TAM_CONTAINER);
    case 'cp-container': return one(CP_CONTAINER);
    case 'tam-service': return tamService(inputs, read, at);
    case 'cp-service': return cpService(inputs, read, at);
  }
}
