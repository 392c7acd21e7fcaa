// SARIF 2.1.0 validation for the tests: the official JSON schema (shipped by the MIT dev dependency @microsoft/jest-sarif
// as lib/schemas/sarif-2.1.0-rtm.5.json; only the JSON file is used) through ajv, plus a strict structural check of
// every object ecs-lint emits (property names allowed by the spec, required properties, cross-references).
import * as assert from 'node:assert/strict';
import Ajv, { type ValidateFunction } from 'ajv';

const SCHEMA_MODULE = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

/** The schema is draft-04 (`id`); ajv 8 reads it as draft-07 once `id` is `$id` (it uses no draft-04-only keyword forms). */
function officialSchema(): object {
  // Throws when the dev dependency is missing: a silently weaker check would pass where the schema fails.
  const { $schema: _draft, id, ...rest } = require(SCHEMA_MODULE) as Record<string, unknown>;
  return { $id: id, ...rest };
}

export const validatedWith = 'the official SARIF 2.1.0 JSON schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function keysIn(o: unknown, allowed: string[], required: string[], where: string): Obj {
  assert.ok(isObj(o), `${where} must be an object`);
  for (const k of Object.keys(o)) assert.ok(allowed.includes(k), `${where}: property "${k}" is not allowed`);
  for (const k of required) assert.ok(k in o, `${where}: "${k}" is required`);
  return o;
}

function message(m: unknown, where: string): void {
  const o = keysIn(m, ['text', 'markdown'], ['text'], where);
  assert.equal(typeof o.text, 'string', `${where}.text`);
}

function int(v: unknown, min: number, where: string): void {
  assert.ok(Number.isInteger(v) && (v as number) >= min, `${where} must be an integer >= ${min} (got ${String(v)})`);
}

function structural(log: unknown): void {
  const root = keysIn(log, ['$schema', 'version', 'runs', 'properties'], ['version', 'runs'], 'log');
  assert.equal(root.version, '2.1.0');
  assert.ok(Array.isArray(root.runs) && root.runs.length === 1, 'one run');
  const run = keysIn(root.runs[0], ['tool', 'invocations', 'originalUriBaseIds', 'artifacts', 'results', 'columnKind'], ['tool'], 'run');
  assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string));
  const tool = keysIn(run.tool, ['driver'], ['driver'], 'tool');
  const driver = keysIn(tool.driver, ['name', 'fullName', 'version', 'semanticVersion', 'informationUri', 'rules'], ['name'], 'driver');
  assert.equal(typeof driver.name, 'string');
  const rules = driver.rules as unknown[];
  assert.ok(Array.isArray(rules));
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    const w = `rules[${i}]`;
    const o = keysIn(r, ['id', 'name', 'shortDescription', 'fullDescription', 'helpUri', 'help', 'defaultConfiguration', 'properties'], ['id'], w);
    assert.ok(!ids.has(o.id as string), `${w}: duplicate id`);
    ids.add(o.id as string);
    message(o.shortDescription, `${w}.shortDescription`);
    message(o.fullDescription, `${w}.fullDescription`);
    if (o.help !== undefined) message(o.help, `${w}.help`);
    if (o.helpUri !== undefined) assert.doesNotThrow(() => new URL(o.helpUri as string), `${w}.helpUri`);
    const dc = keysIn(o.defaultConfiguration, ['level', 'enabled'], ['level'], `${w}.defaultConfiguration`);
    if (dc.enabled !== undefined) assert.equal(typeof dc.enabled, 'boolean');
    assert.ok(['none', 'note', 'warning', 'error'].includes(dc.level as string));
    const props = keysIn(o.properties, ['tags', 'security-severity'], [], `${w}.properties`);
    assert.ok(Array.isArray(props.tags));
  });
  const inv = run.invocations as unknown[];
  assert.ok(Array.isArray(inv) && inv.length === 1);
  const i0 = keysIn(inv[0], ['executionSuccessful', 'toolExecutionNotifications'], ['executionSuccessful'], 'invocation');
  assert.equal(typeof i0.executionSuccessful, 'boolean');
  for (const n of (i0.toolExecutionNotifications as unknown[] | undefined) ?? []) message(keysIn(n, ['level', 'message'], ['message'], 'notification').message, 'notification.message');
  const bases = run.originalUriBaseIds as Obj;
  for (const [k, v] of Object.entries(bases ?? {})) {
    const o = keysIn(v, ['uri'], ['uri'], `originalUriBaseIds.${k}`);
    assert.match(o.uri as string, /\/$/, 'base URIs end with a slash');
  }
  const artifacts = run.artifacts as unknown[];
  assert.ok(Array.isArray(artifacts));
  const location = (l: unknown, where: string) => {
    const o = keysIn(l, ['uri', 'uriBaseId', 'index'], ['uri'], where);
    assert.doesNotThrow(() => new URL(o.uri as string, 'file:///base/'), `${where}.uri is a URI reference`);
    if (o.uriBaseId !== undefined) assert.ok((o.uriBaseId as string) in (bases ?? {}), `${where}.uriBaseId is declared`);
    if (o.index !== undefined) int(o.index, 0, `${where}.index`);
    return o;
  };
  artifacts.forEach((a, i) => location(keysIn(a, ['location'], ['location'], `artifacts[${i}]`).location, `artifacts[${i}].location`));
  (run.results as unknown[]).forEach((r, i) => {
    const w = `results[${i}]`;
    const o = keysIn(r, ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'relatedLocations', 'partialFingerprints', 'suppressions'], ['message'], w);
    message(o.message, `${w}.message`);
    assert.ok(['none', 'note', 'warning', 'error'].includes(o.level as string), `${w}.level`);
    if (o.ruleIndex !== undefined) {
      int(o.ruleIndex, 0, `${w}.ruleIndex`);
      assert.equal((rules[o.ruleIndex as number] as Obj).id, o.ruleId, `${w}.ruleIndex points at its rule`);
    }
    const related = ((o.relatedLocations as unknown[] | undefined) ?? []).map((l, j) => {
      const rl = keysIn(l, ['id', 'message', 'physicalLocation'], ['physicalLocation'], `${w}.relatedLocations[${j}]`);
      int(rl.id, 0, 'relatedLocation.id');
      message(rl.message, `${w}.relatedLocations[${j}].message`);
      return { physicalLocation: rl.physicalLocation };
    });
    for (const l of [...(o.locations as unknown[]), ...related]) {
      const pl = keysIn(keysIn(l, ['physicalLocation'], ['physicalLocation'], `${w}.location`).physicalLocation, ['artifactLocation', 'region'], ['artifactLocation'], `${w}.physicalLocation`);
      const al = location(pl.artifactLocation, `${w}.artifactLocation`);
      if (al.index !== undefined) assert.deepEqual((artifacts[al.index as number] as Obj).location, { uri: al.uri, ...(al.uriBaseId ? { uriBaseId: al.uriBaseId } : {}) });
      const reg = keysIn(pl.region, ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength'], ['startLine'], `${w}.region`);
      int(reg.startLine, 1, 'startLine'); int(reg.startColumn, 1, 'startColumn'); int(reg.endLine, 1, 'endLine'); int(reg.endColumn, 1, 'endColumn');
      int(reg.charOffset, 0, 'charOffset'); int(reg.charLength, 0, 'charLength');
      assert.ok((reg.endLine as number) > (reg.startLine as number) || (reg.endColumn as number) >= (reg.startColumn as number), `${w}: region ends before it starts`);
    }
    if (o.partialFingerprints !== undefined) for (const v of Object.values(o.partialFingerprints as Obj)) assert.equal(typeof v, 'string');
    for (const s of (o.suppressions as unknown[] | undefined) ?? []) {
      const so = keysIn(s, ['kind', 'status', 'justification'], ['kind'], `${w}.suppression`);
      assert.ok(['inSource', 'external'].includes(so.kind as string));
      if (so.status !== undefined) assert.ok(['accepted', 'underReview', 'rejected'].includes(so.status as string));
    }
  });
}

let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  // unicodeRegExp off: one pattern in the official schema (`…{2}]?$`) is invalid with the `u` flag.
  compiled ??= new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(officialSchema());
  return compiled;
}

/** Throws (assert) when `log` is not a valid SARIF 2.1.0 log. */
export function assertValidSarif(log: unknown): void {
  const validate = schemaValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // The structural check also runs with the schema: it checks cross-references the schema cannot express.
  structural(log);
}
