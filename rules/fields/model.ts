// Decoder for the generated ECS field model (scripts/gen-ecs-model.mjs, from @aws-sdk/client-ecs). Parsed once,
// on first use, so the engine pays nothing for it unless hover, completion or the schemas ask.
import { ECS_MODEL_JSON, ECS_MODEL_VERSION } from './generated/ecs-model';

export const ecsModelVersion = ECS_MODEL_VERSION;
export const ECS_MODEL_FOOTER = `Field data: @aws-sdk/client-ecs ${ECS_MODEL_VERSION}`;

/** A member's type: a scalar, a string map, a nested shape or an enum; `list` for arrays of it. */
export interface FieldType {
  base: 'string' | 'number' | 'boolean' | 'timestamp' | 'map' | 'shape' | 'enum';
  /** Shape or enum name. */
  ref?: string;
  list: boolean;
}

export interface Member {
  name: string;
  type: FieldType;
  doc: string;
  required: boolean;
}

export interface Shape {
  name: string;
  doc: string;
  members: Map<string, Member>;
}

interface Raw {
  version: string;
  shapes: Record<string, { d: string; m: Record<string, [string, string, 1?]> }>;
  enums: Record<string, string[]>;
}

export function parseType(code: string): FieldType {
  const list = code.endsWith('[]');
  const c = list ? code.slice(0, -2) : code;
  if (c.startsWith('@')) return { base: 'shape', ref: c.slice(1), list };
  if (c.startsWith('%')) return { base: 'enum', ref: c.slice(1), list };
  const base = ({ s: 'string', n: 'number', b: 'boolean', t: 'timestamp', m: 'map' } as const)[c as 's'] ?? 'string';
  return { base, list };
}

/** `string`, `NetworkMode[]`, `ContainerDefinition[]`, `map<string, string>`: for hovers and completion details. */
export function typeLabel(t: FieldType): string {
  const b = t.base === 'shape' || t.base === 'enum' ? t.ref! : t.base === 'map' ? 'map<string, string>' : t.base;
  return t.list ? `${b}[]` : b;
}

export class EcsModel {
  private readonly shapes = new Map<string, Shape>();
  readonly enums: ReadonlyMap<string, readonly string[]>;
  constructor(raw: Raw) {
    for (const [name, s] of Object.entries(raw.shapes)) {
      const members = new Map<string, Member>();
      for (const [m, [code, doc, req]] of Object.entries(s.m)) members.set(m, { name: m, type: parseType(code), doc, required: req === 1 });
      this.shapes.set(name, { name, doc: s.d, members });
    }
    this.enums = new Map(Object.entries(raw.enums));
  }
  shape(name: string): Shape | undefined {
    return this.shapes.get(name);
  }
  shapeNames(): string[] {
    return [...this.shapes.keys()];
  }
  enumValues(name: string | undefined): readonly string[] | undefined {
    return name === undefined ? undefined : this.enums.get(name);
  }
}

let model: EcsModel | undefined;
export function ecsModel(): EcsModel {
  return (model ??= new EcsModel(JSON.parse(ECS_MODEL_JSON) as Raw));
}
