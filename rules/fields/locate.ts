// "Which API field is this?": resolves a JSON path in an ECS document to the model shape and member that describe
// it, for the three task definition shapes (register input, describe output, bare container array) and
// create/update-service input. Pure: used by hover, completion and tests.
import type { DocumentKind, JsonNode } from '../core/types';
import { child } from '../core/json';
import { ecsModel, type FieldType, type Member } from './model';

/** A shape that describes an object, with a note when its members only apply in another API shape. */
export interface ShapeRef {
  name: string;
  note?: string;
}

export type Slot =
  /** An object described by these shapes (the first that has a member wins). */
  | { kind: 'object'; shapes: ShapeRef[] }
  /** An array of `type` (the value of a list member). */
  | { kind: 'list'; member: Member; shape: string; note?: string }
  /** A string map: keys are the user's own. */
  | { kind: 'map'; member: Member; shape: string; note?: string }
  /** A scalar value (or an element of a scalar list). */
  | { kind: 'value'; member: Member; shape: string; note?: string; type: FieldType; mapEntry?: boolean };

export const ECS_KINDS: readonly DocumentKind[] = ['task-definition', 'container-definitions', 'service-definition'];

const READ_ONLY = 'Read-only: returned by DescribeTaskDefinition; RegisterTaskDefinition does not accept it.';
const UPDATE_ONLY = 'UpdateService only: CreateService does not accept it.';
const REGISTER_ONLY = 'RegisterTaskDefinition input: describe output returns it next to `taskDefinition`, not inside.';

/** The slot of the document root, or undefined when the kind has no field model. */
export function rootSlot(kind: DocumentKind, root: JsonNode | undefined): Slot | undefined {
  switch (kind) {
    case 'task-definition':
      // describe-task-definition output wraps the definition; a bare object is register input, often with
      // describe's read-only fields pasted along (they are documented, with a note).
      if (root?.type === 'object' && child(root, 'taskDefinition')?.type === 'object') return { kind: 'object', shapes: [{ name: 'DescribeTaskDefinitionResponse' }] };
      return { kind: 'object', shapes: [{ name: 'RegisterTaskDefinitionRequest' }, { name: 'TaskDefinition', note: READ_ONLY }] };
    case 'container-definitions': {
      const member = ecsModel().shape('RegisterTaskDefinitionRequest')?.members.get('containerDefinitions');
      return member ? { kind: 'list', member, shape: 'RegisterTaskDefinitionRequest' } : undefined;
    }
    case 'service-definition':
      return { kind: 'object', shapes: [{ name: 'CreateServiceRequest' }, { name: 'UpdateServiceRequest', note: UPDATE_ONLY }] };
    default:
      return undefined;
  }
}

/** The member named `key` of an object slot, with the shape that defines it. */
export function memberOf(slot: Slot, key: string): { member: Member; shape: string; note?: string } | undefined {
  if (slot.kind !== 'object') return undefined;
  for (const ref of slot.shapes) {
    const member = ecsModel().shape(ref.name)?.members.get(key);
    if (member) return { member, shape: ref.name, note: ref.note };
  }
  return undefined;
}

/** The slot of a member's value (`element`: of one element of a list member). */
export function valueSlot(member: Member, shape: string, note: string | undefined, element = false): Slot {
  const t = member.type;
  if (t.list && !element) return { kind: 'list', member, shape, note };
  // Tools such as ecspresso keep register-only fields (tags) inside the describe-shaped definition.
  if (t.base === 'shape' && t.ref === 'TaskDefinition') return { kind: 'object', shapes: [{ name: t.ref }, { name: 'RegisterTaskDefinitionRequest', note: REGISTER_ONLY }] };
  if (t.base === 'shape') return { kind: 'object', shapes: [{ name: t.ref! }] };
  if (t.base === 'map') return { kind: 'map', member, shape, note };
  return { kind: 'value', member, shape, note, type: { ...t, list: false } };
}

/** Follow `path` from the root slot; undefined as soon as a step leaves the model (unknown key, wrong type). */
export function slotAt(kind: DocumentKind, root: JsonNode | undefined, path: readonly (string | number)[]): Slot | undefined {
  let slot = rootSlot(kind, root);
  for (const seg of path) {
    if (!slot) return undefined;
    // An object where a list belongs (a common mistake the schema reports): document it as one element.
    if (slot.kind === 'list' && typeof seg === 'string') slot = valueSlot(slot.member, slot.shape, slot.note, true);
    if (slot.kind === 'object' && typeof seg === 'string') {
      const m = memberOf(slot, seg);
      slot = m && valueSlot(m.member, m.shape, m.note);
    } else if (slot.kind === 'list' && typeof seg === 'number') {
      slot = valueSlot(slot.member, slot.shape, slot.note, true);
    } else if (slot.kind === 'map' && typeof seg === 'string') {
      slot = { kind: 'value', member: slot.member, shape: slot.shape, note: slot.note, type: { base: 'string', list: false }, mapEntry: true };
    } else {
      return undefined;
    }
  }
  return slot;
}

/** The slot of an object node at `path`; an object where a list belongs is documented as one element. */
export function objectSlotAt(kind: DocumentKind, root: JsonNode | undefined, path: readonly (string | number)[]): Slot | undefined {
  const slot = slotAt(kind, root, path);
  return slot?.kind === 'list' ? valueSlot(slot.member, slot.shape, slot.note, true) : slot;
}

/** All member names an object slot accepts, first shape first, without duplicates. */
export function memberNames(slot: Slot): { member: Member; shape: string; note?: string }[] {
  if (slot.kind !== 'object') return [];
  const seen = new Set<string>();
  const out: { member: Member; shape: string; note?: string }[] = [];
  for (const ref of slot.shapes) {
    for (const member of ecsModel().shape(ref.name)?.members.values() ?? []) {
      if (seen.has(member.name)) continue;
      seen.add(member.name);
      out.push({ member, shape: ref.name, note: ref.note });
    }
  }
  return out;
}
