// Fargate task size parsing and the valid cpu/memory table (cfn-lint E3047).
import type { JsonNode } from '../core/types';

/** CPU units from 256, "256", "1 vCPU", ".25 vcpu". */
export function parseCpu(n: JsonNode | undefined): number | undefined {
  if (!n) return undefined;
  if (n.type === 'number') return n.value as number;
  if (n.type !== 'string') return undefined;
  const s = (n.value as string).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d*\.?\d+)\s*vcpu$/i.exec(s);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** Memory MiB from 512, "512", "2 GB", "0.5GB". */
export function parseMemory(n: JsonNode | undefined): number | undefined {
  if (!n) return undefined;
  if (n.type === 'number') return n.value as number;
  if (n.type !== 'string') return undefined;
  const s = (n.value as string).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d*\.?\d+)\s*gb$/i.exec(s);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

const range = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export function describeMemory(cpu: number): string {
  const m = FARGATE_SIZES.get(cpu)!;
  return m.length <= 4 ? m.join(', ') : `${m[0]}-${m[m.length - 1]} in steps of ${m[1] - m[0]}`;
}
