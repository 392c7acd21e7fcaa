// Lint a host file (CloudFormation, Terraform): lint each embedded document with the ordinary rules, then map
// findings and fixes back into the host file.
import type { DocumentKind, Finding, Fix, Severity, SeveritySetting } from '../core/types';
import type { HostParse, EmbeddedDoc } from './cfn';
import { ECS_NAMES } from './cfn-names';
import { aboutUnknown, mapRange, renderVirtual } from './virtual';
import { translateFix, type Change } from './fix';
import type { TextEdit } from '../core/types';
import { inferFormatting } from '../core/edits';

/** The part of Engine this module needs (kept structural to avoid an import cycle). */
export interface EmbeddedLinter {
  lint(text: string, opts: {
    kind: DocumentKind; fileName?: string; ruleSettings?: Record<string, SeveritySetting>;
    ruleOptions?: Record<string, Record<string, unknown>>; onRuleError?: (id: string, e: unknown) => void;
  }): { findings: Finding[] };
}

export interface HostLintOptions {
  fileName?: string;
  ruleSettings?: Record<string, SeveritySetting>;
  ruleOptions?: Record<string, Record<string, unknown>>;
  onRuleError?: (id: string, e: unknown) => void;
  syntaxRuleId: string;
  /** HCL hosts: replay structural changes as HCL edits. */
  hclEdits?: (doc: EmbeddedDoc, changes: Change[]) => TextEdit[] | undefined;
}

const ECS_KINDS = new Set<DocumentKind>(['task-definition', 'container-definitions', 'service-definition']);
const NO_PLAINTEXT_SECRETS = 'task/no-plaintext-secrets';

export function lintHost(engine: EmbeddedLinter, text: string, parsed: HostParse, opts: HostLintOptions): Finding[] {
  const settings = opts.ruleSettings ?? {};
  const out: Finding[] = [];
  if (parsed.syntaxError && settings[opts.syntaxRuleId] !== 'off') {
    const e = parsed.syntaxError;
    const offset = Math.min(e.offset, Math.max(text.length - 1, 0));
    out.push({
      ruleId: opts.syntaxRuleId,
      severity: (settings[opts.syntaxRuleId] as Severity | undefined) ?? 'error',
      message: `${e.message}. Security findings may be incomplete until it parses.`,
      // Kept inside the text: parsers may report a range that runs past the end of a truncated document.
      offset,
      length: Math.max(0, Math.min(Math.max(e.length, 1), text.length - offset)),
    });
  }
  const formatting = parsed.format === 'json' ? inferFormatting(text) : undefined;
  for (const doc of parsed.docs) {
    const v = renderVirtual(doc.root);
    const res = engine.lint(v.text, { kind: doc.kind, fileName: opts.fileName, ruleSettings: settings, ruleOptions: opts.ruleOptions, onRuleError: opts.onRuleError });
    const ecs = ECS_KINDS.has(doc.kind) && parsed.format !== 'hcl';
    let before: unknown;
    const parsedBefore = () => (before ??= JSON.parse(v.text));
    for (const f of res.findings) {
      if (f.ruleId === opts.syntaxRuleId) continue; // the virtual text is generated: it always parses
      if (aboutUnknown(v, f.offset, f.offset + f.length)) continue;
      const range = mapRange(v, text, f.offset, f.offset + f.length, doc.anchor);
      const fixes: Fix[] = [];
      for (const fix of f.fixes ?? []) {
        const edits = translateFix({ format: parsed.format, hostText: text, root: doc.root, virtualText: v.text, edits: fix.edits, formatting, before: parsedBefore(), doc: v },
          (changes) => opts.hclEdits?.(doc, changes));
        if (edits) fixes.push({ ...fix, title: ecs ? hostNames(fix.title) : fix.title, edits });
      }
      out.push({
        ...f,
        message: `${doc.label}: ${ecs ? hostNames(f.message) : f.message}`,
        offset: range.offset,
        length: range.length,
        fixes: fixes.length ? fixes : undefined,
      });
    }
    const noEchoSetting = settings[NO_PLAINTEXT_SECRETS];
    if (noEchoSetting !== 'off') {
      for (const r of doc.noEchoRefs ?? []) {
        out.push({
          ruleId: NO_PLAINTEXT_SECRETS,
          severity: noEchoSetting ?? 'error',
          message: `${doc.label}: an environment variable references the NoEcho parameter "${r.parameter}": NoEcho hides it in the console, but ECS stores environment values in plain text in the task definition. Pass it through "Secrets" (Secrets Manager or SSM) instead.`,
          offset: r.node.range.offset,
          length: r.node.range.length,
        });
      }
    }
  }
  out.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
  return out;
}

/** Messages quote API names (`"readonlyRootFilesystem"`); in a CloudFormation template say the template's. */
function hostNames(s: string): string {
  return s.replace(/"([a-z][A-Za-z]+)"/g, (m, k: string) => (KNOWN_ECS_KEYS.has(k) ? `"${ECS_NAMES.toHost(k)}"` : m));
}

const KNOWN_ECS_KEYS = new Set([
  'containerDefinitions', 'readonlyRootFilesystem', 'privileged', 'user', 'environment', 'secrets', 'linuxParameters',
  'capabilities', 'add', 'drop', 'initProcessEnabled', 'networkMode', 'pidMode', 'ipcMode', 'volumes', 'efsVolumeConfiguration',
  'transitEncryption', 'host', 'sourcePath', 'mountPoints', 'portMappings', 'containerPort', 'hostPort', 'logConfiguration',
  'logDriver', 'image', 'dockerSecurityOptions', 'devices', 'systemControls', 'taskRoleArn', 'executionRoleArn',
  'requiresCompatibilities', 'runtimePlatform', 'enableExecuteCommand', 'assignPublicIp', 'platformVersion', 'valueFrom',
  'networkConfiguration', 'awsvpcConfiguration', 'launchType', 'operatingSystemFamily', 'essential', 'readOnly', 'cpu', 'memory',
]);
