// Shared logic of the "must be true" and "must not be true" boolean settings.
import type { Fix, RuleContext } from '../core/types';
import { agentBool, agentDoc, absentRange, ineffectiveReason, intendedBool, lastEntry, setEntry, takesEffect } from './model';
import { parseGoBool } from './values';

export interface RequireTrue {
  key: string;
  /** What goes wrong when the setting is not true (one sentence). */
  risk: string;
  /** Why the fix is not safe (documented; the fix is never applied in bulk). */
  fixTitle: string;
}

/**
 * Reports when the agent will NOT end up with `key=true`: absent, false, invalid, quoted, `export`-ed.
 * Conservative: a value the agent may not parse as true is reported. Dynamic values (`$VAR`) are skipped.
 * Scripts from which no setting could be extracted are skipped (we cannot see what they write).
 */
export function checkRequireTrue(ctx: RuleContext, spec: RequireTrue): void {
  const doc = agentDoc(ctx);
  if (doc.script && doc.entries.length === 0) return;
  const e = lastEntry(doc, spec.key);
  const fixes: Fix[] = [];
  if (!e) {
    const edit = doc.appendSetting(spec.key, 'true');
    if (edit) fixes.push({ title: spec.fixTitle, edits: [edit], safe: false });
    ctx.report({ message: `${spec.key} is not set, so it defaults to false: ${spec.risk}`, ...absentRange(doc), fixes });
    return;
  }
  if (e.dynamic || agentBool(e) === true) return;
  const why = takesEffect(e) && parseGoBool(e.value) === false
    ? `${spec.key} is false`
    : ineffectiveReason(e) ?? `${spec.key}=${e.value} is not a boolean, so the agent falls back to false`;
  const edit = setEntry(e, 'true');
  if (edit) fixes.push({ title: spec.fixTitle, edits: [edit], safe: false });
  const onValue = takesEffect(e) && !e.quoted && e.valueLength > 0;
  ctx.report({
    message: `${why}: ${spec.risk}`,
    offset: onValue ? e.valueOffset : e.keyOffset,
    length: onValue ? e.valueLength : e.keyLength,
    fixes,
  });
}

export interface ForbidTrue {
  key: string;
  risk: string;
  fixTitle: string;
}

/**
 * Reports `key=true`. Conservative in the other direction: quotes and `export` are ignored (the author meant
 * true, and systemd's EnvironmentFile parser, which feeds ecs-init itself, does strip quotes).
 */
export function checkForbidTrue(ctx: RuleContext, spec: ForbidTrue): void {
  const doc = agentDoc(ctx);
  const e = lastEntry(doc, spec.key);
  if (!e || intendedBool(e) !== true) return;
  const edit = setEntry(e, 'false');
  ctx.report({
    message: `${spec.key}=true: ${spec.risk}`,
    offset: e.keyOffset,
    length: e.valueOffset + e.valueLength - e.keyOffset,
    fixes: edit ? [{ title: spec.fixTitle, edits: [edit], safe: false }] : [],
  });
}
