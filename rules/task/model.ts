// A view of a task definition in any of its three shapes: register input, describe output
// ({"taskDefinition": {...}}), or a bare containerDefinitions array.
import type { JsonNode, RuleContext } from '../core/types';
import { child, elements, stringList, stringValue } from '../core/json';
import { registerUnits } from '../core/incremental';

export type TaskShape = 'register' | 'describe' | 'containers';

export interface ContainerView {
  node: JsonNode;
  index: number;
  name?: string;
  /** JSON path of the container object from the document root (for fixes). */
  path: (string | number)[];
}

export interface TaskView {
  shape: TaskShape;
  /** The task definition object; undefined for a bare container array. */
  def: JsonNode | undefined;
  /** JSON path of the task definition object ([] or ['taskDefinition']). */
  defPath: (string | number)[];
  containers: ContainerView[];
  os: 'linux' | 'windows';
  /** Effective network mode: absent means `bridge` (EC2). Undefined for a bare container array. */
  networkMode: string | undefined;
  networkModeNode: JsonNode | undefined;
  /** `requiresCompatibilities` contains FARGATE. */
  requiresFargate: boolean;
  /** `requiresCompatibilities` is exactly FARGATE (no EC2/EXTERNAL). */
  fargateOnly: boolean;
}

const cache = new WeakMap<JsonNode, TaskView>();

/**
 * The task view of the document. With ctx.only (a rule of `scope: 'container'` re-run on the edited containers),
 * `containers` lists only those; everything else is the whole document's.
 */
export function taskView(ctx: Pick<RuleContext, 'json' | 'kind' | 'only'>): TaskView | undefined {
  const view = wholeView(ctx);
  const only = ctx.only;
  return view && only ? { ...view, containers: view.containers.filter((c) => only.has(c.node)) } : view;
}

function wholeView(ctx: Pick<RuleContext, 'json' | 'kind'>): TaskView | undefined {
  const root = ctx.json?.root;
  if (!root) return undefined;
  const cached = cache.get(root);
  if (cached) return cached;
  let view: TaskView | undefined;
  if (root.type === 'array') {
    view = build('containers', undefined, [], root, []);
  } else if (root.type === 'object' && ctx.kind === 'container-definitions') {
    // A single container definition object.
    view = build('containers', undefined, [], undefined, []);
    if (child(root, 'image') || child(root, 'name')) view.containers.push({ node: root, index: 0, name: stringValue(child(root, 'name')), path: [] });
  } else if (root.type === 'object') {
    const wrapped = child(root, 'taskDefinition');
    if (wrapped?.type === 'object') view = build('describe', wrapped, ['taskDefinition'], child(wrapped, 'containerDefinitions'), ['taskDefinition', 'containerDefinitions']);
    else view = build('register', root, [], child(root, 'containerDefinitions'), ['containerDefinitions']);
  }
  if (view) cache.set(root, view);
  return view;
}

// Incremental linting (core/incremental.ts): the units of a task definition are its container definitions; rules of
// `scope: 'container'` read, besides a container and the task-level fields, only the OS derived from all containers.
registerUnits(['task-definition', 'container-definitions'], (ctx) => {
  const view = wholeView(ctx);
  if (!view || view.containers.length === 0 || view.containers[0].path.length === 0) return undefined;
  return { nodes: view.containers.map((c) => c.node), indexes: view.containers.map((c) => c.index), derived: view.os };
});

function build(shape: TaskShape, def: JsonNode | undefined, defPath: (string | number)[], arr: JsonNode | undefined, arrPath: (string | number)[]): TaskView {
  const containers = elements(arr)
    .map((node, index) => ({ node, index, name: stringValue(child(node, 'name')), path: [...arrPath, index] }))
    .filter((c) => c.node.type === 'object');
  const osFamily = stringValue(child(child(def, 'runtimePlatform'), 'operatingSystemFamily'));
  const os = osFamily ? (/^WINDOWS/i.test(osFamily) ? 'windows' : 'linux') : containers.some(windowsSigns) ? 'windows' : 'linux';
  const networkModeNode = child(def, 'networkMode');
  const networkMode = def ? (stringValue(networkModeNode) ?? (networkModeNode ? undefined : 'bridge')) : undefined;
  const compat = stringList(child(def, 'requiresCompatibilities')).map((c) => c.value.toUpperCase());
  return {
    shape,
    def,
    defPath,
    containers,
    os,
    networkMode,
    networkModeNode,
    requiresFargate: compat.includes('FARGATE'),
    fargateOnly: compat.length > 0 && compat.every((c) => c === 'FARGATE'),
  };
}

/** Microsoft's Windows base images (Server Core, Nano Server, .NET Framework, IIS): no Linux container runs them. */
const WINDOWS_IMAGE = /^mcr\.microsoft\.com\/(windows(\/|servercore|\b)|dotnet\/framework\/|powershell:.*(nanoserver|windowsservercore))|(^|\/)(windows\/)?(servercore|nanoserver|iis)(:|$)|[:-](ltsc20\d\d|windowsservercore[\w.-]*|nanoserver[\w.-]*)$/i;

/** A Windows task without runtimePlatform: a gMSA credentialSpecs entry, or a Windows base image. */
function windowsSigns(c: ContainerView): boolean {
  if (elements(child(c.node, 'credentialSpecs')).length > 0) return true;
  const image = stringValue(child(c.node, 'image'));
  return !!image && WINDOWS_IMAGE.test(image);
}

/** A label for messages: `container "web"` or `container #2`. */
export function containerLabel(c: ContainerView): string {
  return c.name ? `container "${c.name}"` : `container #${c.index + 1}`;
}
