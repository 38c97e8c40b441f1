// The report's chart of the area scores, drawn as pixels: one horizontal bar per area, labelled
// with its code and its score, in the colour of its status, over a 0–100 % axis with the
// thresholds dashed. Codes and percents need only digits, "%", ",", "." and "n.d.", so a 5×7
// bitmap font is enough and the image needs no font, canvas or SVG renderer. Pure: RGB bytes out.
import { formatItalianNumber } from "../domain/numbers";
import type { Status } from "../domain/score";

export interface Bar {
  /** Short label (an area code such as "011"): digits and ".", ",", "%" only. */
  label: string;
  score: number | null;
  status: Status;
}

export interface Raster {
  width: number;
  height: number;
  /** 3 bytes per pixel, row by row. */
  rgb: Uint8Array;
}

// 5×7 glyphs, one string of five bits per row.
const GLYPHS: Record<string, string[]> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  "%": ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
  ",": ["00000", "00000", "00000", "00000", "01100", "00100", "01000"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
  n: ["00000", "00000", "10110", "11001", "10001", "10001", "10001"],
  d: ["00001", "00001", "01101", "10011", "10001", "10001", "01111"],
  " ": ["00000", "00000", "00000", "00000", "00000", "00000", "00000"],
};

/** Bar colours by status: the workbook's compliance font colours, dark enough for a bar. */
export const STATUS_COLOURS: Record<Status, string> = {
  Raggiunto: "#006100",
  "Parzialmente raggiunto": "#9C5700",
  "Non raggiunto": "#9C0006",
  "n.d.": "#7F7F7F",
};

const INK = "#262626";
const GRID = "#BFBFBF";

function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

class Canvas implements Raster {
  readonly rgb: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3).fill(255);
  }

  rect(x: number, y: number, w: number, h: number, hex: string): void {
    const [r, g, b] = rgbOf(hex);
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.height, Math.round(y + h)); yy++) {
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.width, Math.round(x + w)); xx++) {
        const i = (yy * this.width + xx) * 3;
        this.rgb[i] = r;
        this.rgb[i + 1] = g;
        this.rgb[i + 2] = b;
      }
    }
  }

  /** Text with its top-left at (x, y), each font pixel `scale` pixels wide. */
  text(text: string, x: number, y: number, scale: number, hex: string): void {
    [...text].forEach((ch, i) => {
      const glyph = GLYPHS[ch];
      if (glyph === undefined) throw new Error(`Carattere non disegnabile nel grafico: «${ch}»`);
      glyph.forEach((bits, row) => {
        for (let col = 0; col < 5; col++) {
          if (bits[col] === "1") this.rect(x + (i * 6 + col) * scale, y + row * scale, scale, scale, hex);
        }
      });
    });
  }
}

function textWidth(text: string, scale: number): number {
  return text.length * 6 * scale - scale;
}

function scoreLabel(score: number | null): string {
  return score === null ? "n.d." : `${formatItalianNumber(score * 100, 2)} %`;
}

/**
 * The chart at `scale` (2: glyphs 10×14 pixels, bars 28 pixels high). Scores are 0..1; the
 * dashed lines mark the thresholds (amber and green).
 */
export function areaBarChart(
  bars: readonly Bar[],
  thresholds: { greenFrom: number; amberFrom: number },
  scale = 2,
): Raster {
  const glyphH = 7 * scale;
  const rowH = 22 * scale;
  const barH = 14 * scale;
  const pad = 8 * scale;
  const labelW = Math.max(...bars.map((b) => textWidth(b.label, scale)), textWidth("000", scale));
  const valueW = textWidth("100,00 %", scale);
  const plotX = pad + labelW + pad;
  const plotW = 400 * scale;
  const plotTop = pad;
  const plotH = Math.max(bars.length, 1) * rowH;
  const width = plotX + plotW + pad + valueW + pad;
  const height = plotTop + plotH + pad + glyphH + pad;
  const canvas = new Canvas(width, height);
  const xOf = (fraction: number) => plotX + Math.max(0, Math.min(1, fraction)) * plotW;

  for (let step = 0; step <= 5; step++) {
    const x = xOf(step / 5);
    canvas.rect(x, plotTop, Math.max(1, scale / 2), plotH, GRID);
    const tick = `${step * 20} %`;
    canvas.text(tick, x - textWidth(tick, scale) / 2, plotTop + plotH + pad, scale, INK);
  }
  bars.forEach((bar, i) => {
    const y = plotTop + i * rowH;
    const middle = y + (rowH - glyphH) / 2;
    canvas.text(bar.label, plotX - pad - textWidth(bar.label, scale), middle, scale, INK);
    if (bar.score !== null) {
      canvas.rect(plotX, y + (rowH - barH) / 2, xOf(bar.score) - plotX, barH, STATUS_COLOURS[bar.status]);
    }
    // Values in their own column right of 100 %: beside the bar end they would cross the threshold lines.
    canvas.text(scoreLabel(bar.score), plotX + plotW + pad, middle, scale, INK);
  });
  // Thresholds last, dashed over the bars: where "Parzialmente" and "Raggiunto" begin.
  for (const threshold of [thresholds.amberFrom, thresholds.greenFrom]) {
    const x = xOf(threshold);
    for (let y = plotTop; y < plotTop + plotH; y += 4 * scale) canvas.rect(x - scale / 2, y, scale, 2 * scale, INK);
  }
  canvas.rect(plotX, plotTop, scale, plotH, INK); // the category axis
  return canvas;
}
