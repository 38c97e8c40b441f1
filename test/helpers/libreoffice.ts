// A real spreadsheet engine for tests: LibreOffice Calc headless opens .xlsx files, recalculates
// every formula and saves them again; exceljs then reads the values LibreOffice computed.
//
// Each call uses a fresh user profile whose settings say "always recalculate Excel 2007+ files
// on load" (Calc/Formula/Load/OOXMLRecalcMode = 0), so no cached value in a file can pass for a
// result. Missing LibreOffice is an error, never a skip: CI installs libreoffice-calc-nogui.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

const CANDIDATES = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

/** The LibreOffice binary; throws (the test fails) when there is none. */
export function sofficePath(): string {
  for (const candidate of CANDIDATES) {
    const probe = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (probe.status === 0 && /LibreOffice/.test(probe.stdout)) return candidate;
  }
  throw new Error(
    "LibreOffice non trovato (soffice): installa libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui).",
  );
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A new LibreOffice user profile that recalculates every file on load; the caller removes it. */
export function freshProfile(): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pira-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"));
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return profile;
}

/**
 * Opens each .xlsx in LibreOffice, recalculates and saves it as .xlsx into `outDir`, in one
 * LibreOffice run. Returns the paths of the recalculated files, in the order given. The input
 * names must differ (LibreOffice names outputs after them) and `outDir` must not hold the inputs.
 */
export function recalculate(files: string[], outDir: string): string[] {
  return convertWithLibreOffice(files, outDir, "xlsx:Calc MS Excel 2007 XML");
}

/**
 * Converts each file with LibreOffice headless (`--convert-to FILTER`, e.g. "pdf" or an .xlsx
 * filter) into `outDir`, in one run with a fresh profile that recalculates on load. Returns the
 * output paths in the order given; the input names (without extension) must differ.
 */
export function convertWithLibreOffice(files: string[], outDir: string, filter: string): string[] {
  const soffice = sofficePath();
  const extension = filter.split(":")[0];
  const names = files.map((f) => `${path.basename(f, path.extname(f))}.${extension}`);
  if (new Set(names).size !== names.length) throw new Error(`Nomi di file ripetuti: ${names.join(", ")}`);
  const profile = freshProfile();
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 600_000 },
    );
    const outputs = names.map((n) => path.join(outDir, n));
    const missing = outputs.filter((o) => !fs.existsSync(o));
    if (run.status !== 0 || missing.length > 0) {
      throw new Error(
        `LibreOffice non ha convertito ${missing.map((m) => path.basename(m)).join(", ") || "i file"} ` +
          `(uscita ${run.status}, segnale ${run.signal}): ${run.stderr}${run.stdout}`,
      );
    }
    return outputs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** What a cell shows after recalculation: a formula's result ("" for an empty text), or the value. */
export type Computed = number | string | boolean | null;

/** Every non-empty cell of every sheet, by sheet name then A1 address. */
export type ComputedWorkbook = Map<string, Map<string, Computed>>;

function computedValue(value: ExcelJS.CellValue): Computed {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return 25569 + value.getTime() / 86_400_000;
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  return JSON.stringify(value);
}

function computed(cell: ExcelJS.Cell): Computed {
  if (cell.type !== ExcelJS.ValueType.Formula) return computedValue(cell.value);
  // cell.result, not cell.value.result: exceljs drops falsy results (0, FALSE) from cell.value.
  // LibreOffice writes a value for every formula it saves; an empty text comes back as none.
  const result = cell.result as ExcelJS.CellValue | undefined;
  return result === undefined ? "" : computedValue(result);
}

export async function readComputed(file: string): Promise<ComputedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: ComputedWorkbook = new Map();
  wb.eachSheet((ws) => {
    const cells = new Map<string, Computed>();
    ws.eachRow((row) => row.eachCell((cell) => cells.set(cell.address, computed(cell))));
    sheets.set(ws.name, cells);
  });
  return sheets;
}
