// Writes images/icon.png (the Marketplace icon, 128x128): an orange shield with a check mark on a dark rounded
// square. Drawn here with zlib so no image tool is needed; re-run after changing it. Not shipped (scripts/).
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128, SAMPLES = 4; // 4x4 supersampling for smooth edges
const BG = [0x23, 0x2f, 0x3e], SHIELD = [0xff, 0x99, 0x00], MARK = [0xff, 0xff, 0xff];

function inRoundedSquare(x, y, r = 0.18) {
  const dx = Math.max(r - x, 0, x - (1 - r)), dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}
function inShield(x, y) {
  const half = 0.27;
  if (y < 0.16 || y > 0.88) return false;
  if (y <= 0.5) return Math.abs(x - 0.5) <= half - (y < 0.22 ? (0.22 - y) * 0.8 : 0);
  return Math.abs(x - 0.5) <= half * Math.sqrt(Math.max(0, 1 - ((y - 0.5) / 0.38) ** 2));
}
function distToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function inMark(x, y) {
  const a = [0.37, 0.5], b = [0.46, 0.6], c = [0.64, 0.38];
  return Math.min(distToSegment(x, y, a, b), distToSegment(x, y, b, c)) <= 0.045;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / SIZE, y = (py + (sy + 0.5) / SAMPLES) / SIZE;
      if (!inRoundedSquare(x, y)) continue;
      const c = inMark(x, y) ? MARK : inShield(x, y) ? SHIELD : BG;
      acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255;
    }
    const n = SAMPLES * SAMPLES, covered = acc[3] / 255, o = py * (SIZE * 4 + 1) + 1 + px * 4;
    for (let i = 0; i < 3; i++) raw[o + i] = covered ? Math.round(acc[i] / covered) : 0;
    raw[o + 3] = Math.round(acc[3] / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
