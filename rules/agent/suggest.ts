// Nearest known names for a misspelt key.
import { knownAgentNames } from './values';

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

export interface Suggestion { name: string; distance: number; caseOnly: boolean }

const memo = new Map<string, Suggestion[]>();

/** Up to 3 known names close to `key` (case-insensitive distance), best first. */
export function suggestNames(key: string): Suggestion[] {
  let out = memo.get(key);
  if (!out) {
    out = compute(key);
    if (memo.size > 2000) memo.clear(); // bounded memory; files repeat the same few typos
    memo.set(key, out);
  }
  return out;
}

function compute(key: string): Suggestion[] {
  if (key.length > 100) return []; // no agent name is that long; keeps the distance computation bounded
  const upper = key.toUpperCase();
  const limit = Math.max(2, Math.floor(key.length / 4));
  return knownAgentNames()
    // The length difference is a lower bound of the distance: skip hopeless names cheaply.
    .filter((name) => Math.abs(name.length - key.length) <= limit || (upper.length >= 8 && name.toUpperCase().startsWith(upper)))
    .map((name) => ({ name, distance: editDistance(upper, name.toUpperCase()), caseOnly: name.toUpperCase() === upper }))
    // Lower-case proxy aliases are only offered for a lower-case key.
    // A truncated name (ECS_ENABLE_TASK_IAM for ECS_ENABLE_TASK_IAM_ROLE) is a good guess despite the distance.
    .filter((s) => (s.distance <= limit || (upper.length >= 8 && s.name.toUpperCase().startsWith(upper))) && (s.name === s.name.toUpperCase() || key === key.toLowerCase()))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3);
}
