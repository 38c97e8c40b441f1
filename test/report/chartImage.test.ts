// The report's chart image: the PNG encoder writes files a real decoder (Pillow) reads back pixel
// for pixel, and the bar chart puts each area's bar, in its status colour, as long as its score.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { areaBarChart, STATUS_COLOURS, type Raster } from "../../src/report/barChart";
import { encodePng } from "../../src/report/png";

function pixel(raster: Raster, x: number, y: number): string {
  const i = (y * raster.width + x) * 3;
  return "#" + [0, 1, 2].map((c) => raster.rgb[i + c].toString(16).padStart(2, "0").toUpperCase()).join("");
}

/** Longest run of the colour along row y. */
function runLength(raster: Raster, y: number, colour: string): number {
  let best = 0;
  let run = 0;
  for (let x = 0; x < raster.width; x++) {
    run = pixel(raster, x, y) === colour ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

describe("encodePng", () => {
  it("writes a PNG that Pillow decodes to the same pixels", () => {
    const width = 7;
    const height = 5;
    const rgb = new Uint8Array(width * height * 3).map((_v, i) => (i * 37) % 256);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pira-png-")), "x.png");
    fs.writeFileSync(file, encodePng(width, height, rgb));
    const script =
      "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); print(im.mode, im.size[0], im.size[1], list(im.tobytes()))";
    const run = spawnSync("/usr/bin/python3", ["-W", "error", "-c", script, file], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const [mode, w, h, ...bytes] = run.stdout
      .replace(/[[\],]/g, " ")
      .trim()
      .split(/\s+/);
    expect([mode, Number(w), Number(h)]).toEqual(["RGB", width, height]);
    expect(bytes.map(Number)).toEqual([...rgb]);
  });

  it("refuses pixels that do not fill the image", () => {
    expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow(/11 byte invece di 12/);
  });
});

describe("areaBarChart", () => {
  const bars = [
    { label: "011", score: 0.5, status: "Non raggiunto" as const },
    { label: "032", score: 1, status: "Raggiunto" as const },
    { label: "012", score: 0.8, status: "Parzialmente raggiunto" as const },
    { label: "016", score: null, status: "n.d." as const },
  ];
  const chart = areaBarChart(bars, { greenFrom: 1, amberFrom: 0.7 }, 2);

  /** The longest horizontal run of the colour in any row: a whole bar, in the rows between the threshold dashes. */
  const longest = (colour: string) =>
    Math.max(...Array.from({ length: chart.height }, (_v, y) => runLength(chart, y, colour)));

  it("draws one bar per scored area in its status colour, as long as its score", () => {
    const full = longest(STATUS_COLOURS.Raggiunto);
    expect(full).toBeGreaterThan(300);
    expect(longest(STATUS_COLOURS["Non raggiunto"]) / full).toBeCloseTo(0.5, 2);
    expect(longest(STATUS_COLOURS["Parzialmente raggiunto"]) / full).toBeCloseTo(0.8, 2);
    // An area without a score has no bar, only "n.d.".
    expect(longest(STATUS_COLOURS["n.d."])).toBe(0);
  });

  it("refuses a label it cannot draw", () => {
    expect(() =>
      areaBarChart([{ label: "AB", score: 1, status: "Raggiunto" }], { greenFrom: 1, amberFrom: 0.7 }),
    ).toThrow(/Carattere non disegnabile nel grafico: «A»/);
  });
});
