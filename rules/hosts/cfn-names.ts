// CloudFormation spells ECS properties in PascalCase; the API (and our rules) in camelCase. Most names differ only in
// the first letter; the exceptions below are the documented ones (AWS::ECS::TaskDefinition / AWS::ECS::Service).
import { VERBATIM, type HNode, type NameTable } from './tree';

// Maps, not objects: a CloudFormation property named `constructor` must not find Object.prototype's.
const TO_API = new Map<string, string>(Object.entries({
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
  FilesystemId: 'fileSystemId', // EFSVolumeConfiguration.FilesystemId
  ProxyConfigurationProperties: 'properties',
  IAM: 'iam',
  SizeInGiB: 'sizeInGiB',
}));
const TO_HOST = new Map<string, string>([...TO_API].map(([h, a]) => [a, h]));

/** API keys whose values are free-form maps: their keys are user data, never renamed. */
const MAP_VALUED = new Set(['options', 'dockerLabels', 'driverOpts', 'labels', 'secretOptions']);

/** Booleans and ports CloudFormation also accepts as strings (it converts them before calling the API). */
const BOOLEAN_KEYS = new Set(['privileged', 'readonlyRootFilesystem', 'essential', 'initProcessEnabled', 'enableExecuteCommand',
  'readOnly', 'interactive', 'pseudoTerminal', 'disableNetworking']);
const NUMBER_KEYS = new Set(['containerPort', 'hostPort']);

export const ECS_NAMES: NameTable = {
  toApi: (k) => TO_API.get(k) ?? (k ? k[0].toLowerCase() + k.slice(1) : k),
  toHost: (k) => TO_HOST.get(k) ?? (k ? k[0].toUpperCase() + k.slice(1) : k),
  child: (k) => (MAP_VALUED.has(k) ? VERBATIM : ECS_NAMES),
};

/** Rename a host tree's keys with `names` (recursively) and coerce CloudFormation's string booleans and ports. */
export function applyNames(n: HNode, names: NameTable): HNode {
  if (n.t === 'object') {
    for (const p of n.props) {
      p.key = names.toApi(p.hostKey);
      p.value = applyNames(p.value, names.child(p.key));
      const v = p.value;
      if (v.t === 'scalar' && typeof v.value === 'string') {
        if (BOOLEAN_KEYS.has(p.key) && names === ECS_NAMES && /^(true|false)$/i.test(v.value)) v.value = v.value.toLowerCase() === 'true';
        else if (NUMBER_KEYS.has(p.key) && names === ECS_NAMES && /^\d{1,5}$/.test(v.value)) v.value = Number(v.value);
      }
    }
    n.names = names;
  } else if (n.t === 'array') {
    n.items = n.items.map((i) => applyNames(i, names));
    n.names = names;
  }
  return n;
}
