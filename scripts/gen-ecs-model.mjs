// Compiles the ECS API model shipped in @aws-sdk/client-ecs (Apache-2.0) into one compact module for hover,
// completion and JSON Schemas: rules/fields/generated/ecs-model.ts (git-ignored, like the IAM data).
// Run: node scripts/gen-ecs-model.mjs [--if-stale]. Refreshing = bump @aws-sdk/client-ecs, then `npm run build`.
//
// Sources inside the package:
// - dist-types/models/*.d.ts: every shape as a TypeScript interface with the API's HTML docs per member, and
//   enums.d.ts the enum values. Read with the TypeScript compiler's parser (syntax only: no type checking).
// - the Smithy schema exported by dist-cjs (`<Shape>$` arrays): its last element is the count of required members
//   (they come first). That is the authoritative `required` trait; the .d.ts `?` is only used as a cross-check.
// Output: { version, roots, shapes: { Name: { d: doc, m: { member: [type, doc, required?] } } }, enums: { Name: [...] } }
// with type codes "s" string, "n" number, "b" boolean, "t" timestamp, "m" string map, "@Shape", "%Enum", "[]" = list.
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules/@aws-sdk/client-ecs');
const pkgJson = join(pkgDir, 'package.json');
const outFile = join(root, 'rules/fields/generated/ecs-model.ts');

const schemaDir = join(root, 'schemas');
const SCHEMA_FILES = ['task-definition', 'container-definitions', 'service-definition'].map((k) => join(schemaDir, `${k}.schema.json`));
if (process.argv.includes('--if-stale') && existsSync(outFile) && SCHEMA_FILES.every((f) => existsSync(f))) {
  const newest = Math.max(statSync(pkgJson).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (statSync(outFile).mtimeMs >= newest) process.exit(0);
}

// The inputs the extension understands. TaskDefinition = describe-task-definition output (with read-only fields).
const ROOTS = ['RegisterTaskDefinitionRequest', 'DescribeTaskDefinitionResponse', 'CreateServiceRequest', 'UpdateServiceRequest'];

const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
const modelsDir = join(pkgDir, 'dist-types/models');
const files = ['models_0.d.ts', 'models_1.d.ts', 'enums.d.ts'].filter((f) => existsSync(join(modelsDir, f)));

const interfaces = new Map(); // name -> InterfaceDeclaration
const unions = new Map(); // name -> [member interfaces] (tagged unions: exactly one member set)
const enums = new Map(); // name -> values
for (const f of files) {
  const sf = ts.createSourceFile(f, readFileSync(join(modelsDir, f), 'utf8'), ts.ScriptTarget.Latest, true);
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) interfaces.set(st.name.text, st);
    else if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) {
      unions.set(st.name.text, st.body.statements.filter((s) => ts.isInterfaceDeclaration(s) && s.name.text.endsWith('Member') && s.name.text !== '$UnknownMember'));
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (d.type && ts.isTypeLiteralNode(d.type)) {
          const values = d.type.members.map((m) => m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined);
          if (values.every((v) => v !== undefined)) enums.set(d.name.getText(), values);
        }
      }
    }
  }
}

/** JSDoc HTML -> short markdown: the first paragraph, plus the next ones while under ~600 characters. */
export function htmlToMarkdown(html) {
  const inline = (s) => s
    .replace(/<code>([\s\S]*?)<\/code>/g, (_, c) => '`' + c.replace(/<[^>]+>/g, '').replace(/`/g, "'") + '`')
    .replace(/<a\s+href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g, (_, h, t) => `[${t.replace(/<[^>]+>/g, '').trim()}](${h})`)
    .replace(/<\/?(i|em)>/g, '_').replace(/<\/?(b|strong)>/g, '**')
    .replace(/<li>/g, '\n- ').replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n-(?=\n|$)/g, '').trim();
  // A list stays one block: drop the <p> inside its items, then treat <ul> as a paragraph.
  html = html.replace(/<li>([\s\S]*?)<\/li>/g, (_, c) => `<li>${c.replace(/<\/?p>/g, ' ')}`).replace(/<ul>/g, '<p>');
  const paras = html.split(/<\/p>|<p>|<\/?note>|<\/?important>|<\/ul>/).map(inline).filter(Boolean);
  let out = '';
  for (const p of paras) {
    if (out && out.length + p.length > 600) break;
    out += (out ? '\n\n' : '') + p;
  }
  return out.length > 1200 ? out.slice(0, 1199).replace(/\s+\S*$/, '') + '…' : out;
}

function rawDocOf(node) {
  for (const t of ts.getJSDocCommentsAndTags(node)) if (ts.isJSDoc(t) && typeof t.comment === 'string') return t.comment;
  return '';
}
const docOf = (node) => htmlToMarkdown(rawDocOf(node));

/** `Valid values: <code>"A" | "B"</code>` in a string member's doc (e.g. Linux capabilities): the listed values. */
function documentedValues(html) {
  const m = /Valid values: <code>((?:"[^"<]+"\s*\|\s*)+"[^"<]+")<\/code>/.exec(html);
  return m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : undefined;
}

const shapes = {};
const usedEnums = new Set();
const require = createRequire(join(pkgDir, 'package.json'));
const sdk = require(pkgDir);
let requiredMismatches = 0;

/** Type code of a member type node; queues referenced shapes. */
function typeCode(node, queue) {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    return parts.length === 1 ? typeCode(parts[0], queue) : 's';
  }
  if (ts.isArrayTypeNode(node)) return typeCode(node.elementType, queue) + '[]';
  if (node.kind === ts.SyntaxKind.StringKeyword) return 's';
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'n';
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'b';
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Date') return 't';
    if (name === 'Record') return 'm';
    if (enums.has(name)) { usedEnums.add(name); return '%' + name; }
    if (interfaces.has(name) || unions.has(name)) { queue.push(name); return '@' + name; }
  }
  return 's';
}

function visit(name) {
  const queue = [name];
  while (queue.length) {
    const n = queue.pop();
    if (shapes[n]) continue;
    const shape = (shapes[n] = { d: '', m: {} });
    const decl = interfaces.get(n);
    const props = [];
    if (decl) {
      shape.d = docOf(decl);
      for (const m of decl.members) if (ts.isPropertySignature(m) && m.type) props.push({ m, doc: docOf(m) });
    } else {
      // Tagged union: each XMember interface contributes its one real member; the union's doc is on XMember.
      for (const member of unions.get(n) ?? []) {
        const p = member.members.find((x) => ts.isPropertySignature(x) && x.type && x.type.kind !== ts.SyntaxKind.NeverKeyword);
        if (p) props.push({ m: p, doc: docOf(member), optional: true });
      }
      shape.d = 'Specify exactly one member.';
    }
    // Required = the first N members of the Smithy schema.
    const schema = sdk[`${n}$`];
    const requiredCount = Array.isArray(schema) && typeof schema[6] === 'number' ? schema[6] : 0;
    const required = new Set(Array.isArray(schema) && Array.isArray(schema[4]) ? schema[4].slice(0, requiredCount) : []);
    for (const { m, doc, optional } of props) {
      const key = m.name.getText().replace(/^["']|["']$/g, '');
      const req = required.has(key);
      if (!optional && req !== !m.questionToken) requiredMismatches++;
      let code = typeCode(m.type, queue);
      // Plain strings whose doc lists the valid values become a documented enum named "Shape.member" (completion
      // and hover use it; the JSON Schema does not enforce it, the API's own validation may be looser or newer).
      const values = /^s(\[\])?$/.test(code) ? documentedValues(rawDocOf(m)) : undefined;
      if (values) { enums.set(`${n}.${key}`, values); usedEnums.add(`${n}.${key}`); code = code.replace('s', `%${n}.${key}`); }
      shape.m[key] = req ? [code, doc, 1] : [code, doc];
    }
  }
}
for (const r of ROOTS) {
  if (!interfaces.has(r)) throw new Error(`gen-ecs-model: ${r} not found in @aws-sdk/client-ecs ${pkg.version}`);
  visit(r);
}

const out = {
  version: pkg.version,
  roots: ROOTS,
  shapes,
  enums: Object.fromEntries([...usedEnums].sort().map((e) => [e, enums.get(e)])),
};
mkdirSync(dirname(outFile), { recursive: true });
const text = JSON.stringify(out);
// A string constant, as for the IAM data: instant to type-check, parsed on first use.
writeFileSync(outFile, `// Generated by scripts/gen-ecs-model.mjs from @aws-sdk/client-ecs ${pkg.version} (Apache-2.0). Do not edit.\n` +
  `export const ECS_MODEL_VERSION = ${JSON.stringify(pkg.version)};\n` +
  `export const ECS_MODEL_JSON = ${JSON.stringify(text)};\n`);
const members = Object.values(shapes).reduce((a, s) => a + Object.keys(s.m).length, 0);
console.log(`gen-ecs-model: ${Object.keys(shapes).length} shapes, ${members} members, ${usedEnums.size} enums, ${(text.length / 1024).toFixed(0)} KB` +
  `${requiredMismatches ? ` (${requiredMismatches} .d.ts/schema required mismatches; schema wins)` : ''} -> ${outFile}`);

// ---- JSON Schemas (draft-07, as VS Code's JSON support reads them) ----
// Structure and enum values are the schema's job; security is the rules' job. Where a rule already reports every
// non-secure value of a field (including invalid ones), the schema only documents it and suggests values
// (`examples`), so the same mistake is never reported twice. test/unit/fields-schema.test.ts checks this table.
const DEFER_TO_RULES = {
  'EFSVolumeConfiguration.transitEncryption': 'task/efs-transit-encryption', // any value but ENABLED
  'ContainerDefinition.readonlyRootFilesystem': 'task/readonly-root-filesystem', // any value but true
  'ContainerDefinition.user': 'task/non-root-user', // a numeric uid 0 is root, whatever its JSON type
  'RegisterTaskDefinitionRequest.networkMode': 'task/fargate-compat', // Fargate: anything but awsvpc
  'TaskDefinition.networkMode': 'task/fargate-compat',
};
const READ_ONLY = 'Read-only: returned by DescribeTaskDefinition; RegisterTaskDefinition does not accept it.';
const UPDATE_ONLY = 'UpdateService only: CreateService does not accept it.';
const REGISTER_ONLY = 'RegisterTaskDefinition input: describe output returns it next to `taskDefinition`, not inside.';

function writeSchemas(model) {
  const footer = `\n\n_Field data: @aws-sdk/client-ecs ${model.version}_`;
  const defs = {};
  const memberSchema = (shapeName, name, [code, doc], note) => {
    const list = code.endsWith('[]');
    const c = list ? code.slice(0, -2) : code;
    let t;
    const enumName = c.startsWith('%') ? c.slice(1) : undefined;
    const values = enumName ? model.enums[enumName] : undefined;
    const deferred = DEFER_TO_RULES[`${shapeName}.${name}`];
    if (c.startsWith('@')) { t = { $ref: `#/definitions/${c.slice(1)}` }; addDef(c.slice(1)); }
    // Documented value lists ("Shape.member") and rule-owned fields are suggested, not enforced.
    else if (values && !enumName.includes('.') && !deferred) t = { enum: values };
    else if (values) t = { type: 'string', examples: values };
    else if (deferred) t = {};
    else t = { s: { type: 'string' }, n: { type: 'number' }, b: { type: 'boolean' }, t: { type: ['string', 'number'] }, m: { type: 'object', additionalProperties: { type: 'string' } } }[c] ?? {};
    const allowed = values ? `\n\nAllowed values: ${values.map((v) => `\`${v}\``).join(', ')}` : '';
    const markdownDescription = `${note ? `_${note}_\n\n` : ''}${doc}${allowed}${footer}`;
    const base = list ? { type: 'array', items: t } : t;
    return { ...base, description: doc.replace(/[`*_]/g, ''), markdownDescription };
  };
  const objectSchema = (parts) => {
    const properties = {};
    const required = [];
    for (const { shape, note, requiredOk } of parts) {
      for (const [name, m] of Object.entries(model.shapes[shape].m)) {
        if (properties[name]) continue;
        properties[name] = memberSchema(shape, name, m, note);
        if (m[2] === 1 && requiredOk) required.push(name);
      }
    }
    return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
  };
  function addDef(name) {
    if (defs[name]) return;
    defs[name] = {}; // placeholder against cycles
    const parts = [{ shape: name, requiredOk: true }];
    // Same lenience as the hover (rules/fields/locate.ts): tools keep tags inside the describe-shaped definition.
    if (name === 'TaskDefinition') parts.push({ shape: 'RegisterTaskDefinitionRequest', note: REGISTER_ONLY });
    defs[name] = { ...objectSchema(parts), ...(model.shapes[name].d ? { description: model.shapes[name].d.replace(/[`*_]/g, '') } : {}) };
  }
  const schema = (title, body) => ({ $schema: 'http://json-schema.org/draft-07/schema#', title, ...body, definitions: defs });

  const write = (file, title, build) => {
    for (const k of Object.keys(defs)) delete defs[k];
    const body = build();
    writeFileSync(file, JSON.stringify(schema(title, body), null, 1) + '\n');
  };
  mkdirSync(schemaDir, { recursive: true });
  write(SCHEMA_FILES[0], 'Amazon ECS task definition (register-task-definition input or describe-task-definition output)', () => {
    addDef('DescribeTaskDefinitionResponse');
    defs.RegisterTaskDefinitionInput = objectSchema([{ shape: 'RegisterTaskDefinitionRequest', requiredOk: true }, { shape: 'TaskDefinition', note: READ_ONLY }]);
    return {
      if: { type: 'object', required: ['taskDefinition'], properties: { taskDefinition: { type: 'object' } } },
      then: { $ref: '#/definitions/DescribeTaskDefinitionResponse' },
      else: { $ref: '#/definitions/RegisterTaskDefinitionInput' },
    };
  });
  write(SCHEMA_FILES[1], 'Amazon ECS container definitions (the containerDefinitions array)', () => {
    addDef('ContainerDefinition');
    return { type: 'array', items: { $ref: '#/definitions/ContainerDefinition' } };
  });
  write(SCHEMA_FILES[2], 'Amazon ECS service definition (create-service or update-service input)', () => {
    // Neither shape's required members are required: a file may be either input.
    const o = objectSchema([{ shape: 'CreateServiceRequest' }, { shape: 'UpdateServiceRequest', note: UPDATE_ONLY }]);
    return o;
  });
}

writeSchemas(out);
console.log(`gen-ecs-model: JSON Schemas -> ${schemaDir}`);
