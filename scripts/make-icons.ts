// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png, assets/logo-filled.png) with pure node:
// a blue rounded square with a white three-bar chart. No image tooling is available on the build machines:
// the report's own PNG encoder (src/report/png.ts) writes them. Run: npx tsx scripts/make-icons.ts
import * as fs from "node:fs";
import * as path from "node:path";
import { encodePng } from "../src/report/png";

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

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function insideBar(x: number, y: number): boolean {
  return BARS.some((b) => x >= b.x && x < b.x + BAR_WIDTH && y >= BASELINE - b.height && y < BASELINE);
}

/** RGBA pixels (straight alpha) of the icon at size × size. */
function render(size: number): Buffer {
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

const OUTPUTS: [string, number][] = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 256],
];

function main(): void {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, size] of OUTPUTS) {
    fs.writeFileSync(path.join(dir, name), encodePng(size, size, render(size), { alpha: true, level: 9 }));
    console.log(`assets/${name} (${size}×${size})`);
  }
}

main();
