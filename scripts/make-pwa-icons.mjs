// Issue 17 (installable): draws Duet's home-screen icons as PNG files, with no image library — the favicon's
// two overlapping circles (blue and green) on a white square, anti-aliased by 4×4 supersampling, written
// with node:zlib. Run once when the design changes: `node scripts/make-pwa-icons.mjs`; the files are kept in
// src/web/public/icons/. The maskable icon keeps its drawing inside the central 80 % safe zone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const OUT = new URL('../src/web/public/icons/', import.meta.url);
const BLUE = [0x1c, 0x7e, 0xd6];
const GREEN = [0x0c, 0xa6, 0x78];
const WHITE = [0xff, 0xff, 0xff];

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      const at = y * (size * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mix = (under, over, alpha) => under.map((c, i) => c + (over[i] - c) * alpha);

/** The favicon's drawing (viewBox 32): circles at (12,16) and (20,16), radius 9, 85 % opaque. */
function duet(size, scale) {
  const unit = (size * scale) / 32;
  const offset = (size - size * scale) / 2;
  const colourAt = (px, py) => {
    const x = (px - offset) / unit;
    const y = (py - offset) / unit;
    let colour = WHITE;
    if ((x - 12) ** 2 + (y - 16) ** 2 <= 81) colour = mix(colour, BLUE, 0.85);
    if ((x - 20) ** 2 + (y - 16) ** 2 <= 81) colour = mix(colour, GREEN, 0.85);
    return colour;
  };
  return (x, y) => {
    const sum = [0, 0, 0];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const c = colourAt(x + (i + 0.5) / 4, y + (j + 0.5) / 4);
        for (let k = 0; k < 3; k++) sum[k] += c[k];
      }
    return sum.map((s) => Math.round(s / 16));
  };
}

mkdirSync(OUT, { recursive: true });
const icons = [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['maskable-512.png', 512, 0.7],
  ['apple-touch-icon-180.png', 180, 0.85],
];
for (const [name, size, scale] of icons) {
  writeFileSync(new URL(name, OUT), png(size, duet(size, scale)));
  console.log(`src/web/public/icons/${name} (${String(size)} px)`);
}
