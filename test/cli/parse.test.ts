import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { Plan } from "../../src/domain/model";
import { captureIO } from "../helpers/cliIO";
import { utf16be, utf16le, windows1252 } from "../helpers/encodings";
import { SAMPLE_PATH, sampleText } from "../helpers/sample";

const ROOT = path.join(__dirname, "..", "..");

describe("pira parse", () => {
  it("prints the sample's plan as JSON with the model's names", async () => {
    const io = captureIO();
    expect(await main(["parse", SAMPLE_PATH], io)).toBe(0);
    const plan = JSON.parse(io.stdout()) as Plan;
    expect(Object.keys(plan)).toEqual(["title", "date", "years", "areas", "objectives", "diagnostics"]);
    expect(plan.objectives).toHaveLength(14);
    const indicators = plan.objectives.flatMap((o) => o.indicators);
    expect(indicators).toHaveLength(58);
    expect(indicators.flatMap((i) => Object.values(i.targets)).filter((t) => t !== null)).toHaveLength(230);
    expect(Object.keys(plan.objectives[0])).toEqual([
      "number",
      "title",
      "areaCode",
      "weightOnArea",
      "resources",
      "perspective",
      "mission",
      "programme",
      "indicators",
    ]);
    expect(Object.keys(indicators[0])).toEqual(["id", "name", "common", "weight", "targets"]);
    expect(Object.keys(indicators[0].targets["2023"]!)).toEqual(["text", "kind", "value", "unit", "deadline"]);
    expect(io.stderr()).toBe("");
  });

  it.each([
    ["Windows-1252", windows1252, "Windows-1252"],
    ["UTF-16 LE", utf16le, "UTF-16 LE"],
    ["UTF-16 BE", utf16be, "UTF-16 BE"],
  ])("reads a cruscotto saved as %s like the UTF-8 one, and says which encoding it used", async (_n, save, label) => {
    const text = sampleText().replace(/≥/g, ">=");
    const utf8 = captureIO({ "c.txt": text });
    const other = captureIO({ "c.txt": Buffer.from(save(text)) });
    expect(await main(["parse", "c.txt"], utf8)).toBe(0);
    expect(await main(["parse", "c.txt"], other)).toBe(0);
    const expected = JSON.parse(utf8.stdout()) as Plan;
    const plan = JSON.parse(other.stdout()) as Plan;
    expect(plan.objectives).toEqual(expected.objectives);
    expect(plan.objectives[0].mission).toBe("Competitività e sviluppo imprese");
    expect(plan.diagnostics[0]).toMatchObject({ code: "text-encoding", severity: "info", line: 0 });
    expect(plan.diagnostics[0].message).toContain(label);
    expect(plan.diagnostics.slice(1)).toEqual(expected.diagnostics);
  });

  it.each<[string, Record<string, string | Buffer>, string, RegExp]>([
    ["a missing file", {}, "/no/such/cruscotto.txt", /il file "\/no\/such\/cruscotto.txt" non esiste\.$/],
    ["an empty file", { "vuoto.txt": "" }, "vuoto.txt", /il file "vuoto.txt" è vuoto\.$/],
    ["a binary file", { "x.pdf": Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff]) }, "x.pdf", /non è un testo/],
    [
      "unrelated text",
      { "verbale.txt": "Verbale del Consiglio\nPresenti: tutti.\n" },
      "verbale.txt",
      /non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato\.$/,
    ],
    ["a folder", {}, ROOT, /è una cartella\.$/],
  ])("refuses %s with exit 2 and one clear line", async (_name, files, file, message) => {
    const io = captureIO(files);
    expect(await main(["parse", file], io)).toBe(2);
    expect(io.stdout()).toBe("");
    const lines = io.stderr().trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pira parse: /);
    expect(lines[0]).toMatch(message);
  });

  it("asks for a file when none is given", async () => {
    const io = captureIO();
    expect(await main(["parse"], io)).toBe(2);
    expect(io.stderr()).toMatch(/manca il file del cruscotto/);
  });

  it("documents every command in --help", async () => {
    const io = captureIO();
    expect(await main(["--help"], io)).toBe(0);
    for (const command of ["parse", "score", "demo"]) expect(io.stdout()).toMatch(new RegExp(`pira ${command}\\b`));
  });

  it("rejects an unknown command", async () => {
    const io = captureIO();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderr()).toMatch(/comando sconosciuto "frobnicate"/);
  });

  it("runs as a real process: JSON on stdout, exit 0; bad input exit 2 without a stack trace", () => {
    const ok = spawnSync(process.execPath, [path.join(ROOT, "bin", "pira.js"), "parse", SAMPLE_PATH], {
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Plan).objectives).toHaveLength(14);
    const bad = spawnSync(process.execPath, [path.join(ROOT, "bin", "pira.js"), "parse", "/no/such/file.txt"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("pira demo", () => {
  it("summarises the bundled sample: areas, objectives, weight checks, diagnostics", async () => {
    const io = captureIO();
    expect(await main(["demo"], io)).toBe(0);
    const text = io.stdout();
    expect(text).toMatch(/14 obiettivi · 58 indicatori · 230 target su 232 celle/);
    for (const code of ["011", "032", "012", "016"]) expect(text).toMatch(new RegExp(`^${code} - .*100,00% ok`, "m"));
    expect(text.match(/pesi 100,00% ok/g)).toHaveLength(14);
    expect(text).toMatch(/riga 244: Manca il valore di "Risorse economiche" nell'obiettivo 9\./);
    expect(text).not.toMatch(/DA VERIFICARE/);
  });
});
