// Shell scripts embedded in a template (EC2 UserData writing /etc/ecs/ecs.config): linted as agent config, with
// offsets mapped back into the host file by finding each literal run of the script in the host's text.
import type { Range } from './tree';

/** A literal run of the script: script [v, v + len) is host [h, h + len). */
interface Run { v: number; len: number; h: number }

export interface ScriptMap { runs: Run[]; whole: Range }

/**
 * Map a script value (a YAML block, a JSON string or a `Fn::Join`/`!Sub` template) to its host range. Each run
 * between line breaks and `${...}` slots is searched for in order; runs spelt differently in the host (escapes,
 * folding) are not found, and offsets in them map to the nearest earlier run, else to the whole value.
 */
export function mapScript(hostText: string, value: string, whole: Range): ScriptMap {
  const runs: Run[] = [];
  const end = whole.offset + whole.length;
  let cursor = whole.offset;
  // Split into runs at newlines and at `${...}` slots; a run is searched in the host after the previous one.
  const slots = /\$\{[^}$]*\}|\n/g;
  let last = 0;
  // A run missing from the host (escaped in a JSON string) costs a scan to the end of the host text: after a few
  // misses the rest is not searched (its findings point at the whole value), so a hostile value cannot stall the lint.
  let misses = 0;
  const emit = (from: number, to: number) => {
    if (to - from < 1 || misses > 32) return;
    const s = value.slice(from, to);
    const at = hostText.indexOf(s, cursor);
    if (at >= 0 && at + s.length <= end) { runs.push({ v: from, len: s.length, h: at }); cursor = at + s.length; } else misses++;
  };
  for (let m = slots.exec(value); m; m = slots.exec(value)) {
    emit(last, m.index);
    last = m.index + m[0].length;
  }
  emit(last, value.length);
  return { runs, whole };
}

/** The host range of script range [s, e): exact inside one run, else the run where it starts, else the whole value. */
export function scriptRange(map: ScriptMap, s: number, e: number): Range {
  let best: Run | undefined;
  for (const r of map.runs) {
    if (r.v <= s) best = r; else break;
  }
  if (!best) return map.whole;
  if (s < best.v + best.len) {
    const len = Math.min(e, best.v + best.len) - s;
    return { offset: best.h + (s - best.v), length: Math.max(1, len) };
  }
  return { offset: best.h + best.len - 1, length: 1 };
}

/** The host range of value range [s, e) when both ends fall in literal runs (spanning lines), else undefined. */
export function exactRange(map: ScriptMap, s: number, e: number): Range | undefined {
  const at = (o: number, end: boolean) => {
    for (const r of map.runs) if (r.v <= o && (end ? o <= r.v + r.len : o < r.v + r.len)) return r.h + (o - r.v);
    return undefined;
  };
  const hs = at(s, false), he = at(e, true);
  return hs !== undefined && he !== undefined && he >= hs ? { offset: hs, length: he - hs } : undefined;
}
