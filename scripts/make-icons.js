#!/usr/bin/env node
// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png, assets/logo-filled.png) with pure node:
// a blue rounded square with a white three-bar chart. No image tooling is available on the build machines,
// so the PNG encoder (RGBA, one IDAT, CRC-32) lives here. Run: node scripts/make-icons.js
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BACKGROUND = [0x1b, 0x5e, 0x9b]; // Chamber blue
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel: smooth edges at 16 px without a rasteriser

// Shapes in unit coordinates (0..1, y down). Bars grow left to right: "raggiungimento" at a glance.
const CORNER = 0.1875;
const BASELINE = 0.8125;
const BAR_WIDTH = 0.1875;
const BARS = [
  { x: 0.125, height: 0.25 },
  { x: 0.40625, height: 0.4375 },
  { x: 0.6875, height: 0.625 },
];

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function insideBar(x, y) {
  return BARS.some((b) => x >= b.x && x < b.x + BAR_WIDTH && y >= BASELINE - b.height && y < BASELINE);
}

/** RGBA pixels (straight alpha) of the icon at size × size. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedSquare(x, y)) {
            cover++;
            if (insideBar(x, y)) white++;
          }
        }
      }
      const o = (py * size + px) * 4;
      const t = cover === 0 ? 0 : white / cover;
      for (let c = 0; c < 3; c++) {
        pixels[o + c] = Math.round(BACKGROUND[c] * (1 - t) + FOREGROUND[c] * t);
      }
      pixels[o + 3] = Math.round((255 * cover) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: all 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter "none" per scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const OUTPUTS = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 256],
];

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, size] of OUTPUTS) {
    fs.writeFileSync(path.join(dir, name), encodePng(size, render(size)));
    console.log(`assets/${name} (${size}×${size})`);
  }
}

main();
