// `pira build FILE -o OUT.xlsx [--actuals FILE.csv] [--year YYYY] [--mode M]`: the workbook the
// add-in makes, as an .xlsx with native formulas only, for people who open it without the add-in.
import { parseActualsCsv, type CsvProblem } from "../../domain/actualsCsv";
import type { Actuals, Plan } from "../../domain/model";
import { ScoreError, scoringModeOf } from "../../domain/score";
import { defaultSettings, type Settings } from "../../domain/settings";
import { buildWorkbook } from "../../workbook/build";
import { CliError, type CliIO } from "../io";
import { writeXlsx } from "../xlsx";
import { loadPlan } from "./parse";
import { NO_YEARS_MESSAGE } from "../../domain/reader";

export const BUILD_USAGE =
  "Uso: pira build FILE -o OUT.xlsx [--actuals CONSUNTIVI.csv] [--year AAAA] [--mode proporzionale|binario|lineare]";

export interface BuildArgs {
  file: string;
  out: string;
  actuals?: string;
  year?: string;
  mode?: string;
}

const OPTIONS: Record<string, keyof BuildArgs> = {
  "-o": "out",
  "--out": "out",
  "--output": "out",
  "--actuals": "actuals",
  "--consuntivi": "actuals",
  "--year": "year",
  "--anno": "year",
  "--mode": "mode",
  "-m": "mode",
};

export function parseBuildArgs(args: string[]): BuildArgs {
  const positional: string[] = [];
  const options: Partial<BuildArgs> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const key = OPTIONS[flag];
    if (key !== undefined) {
      let value: string | undefined;
      if (flag !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      if (value === undefined || value.trim() === "") throw new CliError(`manca il valore di ${flag}. ${BUILD_USAGE}`);
      if (options[key] !== undefined) throw new CliError(`${flag} indicato due volte. ${BUILD_USAGE}`);
      options[key] = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new CliError(`opzione sconosciuta "${arg}". ${BUILD_USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0) throw new CliError(`manca il file del cruscotto. ${BUILD_USAGE}`);
  if (positional.length > 1)
    throw new CliError(`un solo file del cruscotto (ricevuti ${positional.length}). ${BUILD_USAGE}`);
  if (options.out === undefined) throw new CliError(`manca il file da scrivere (-o OUT.xlsx). ${BUILD_USAGE}`);
  if (!/\.xlsx$/i.test(options.out)) {
    throw new CliError(`il file da scrivere deve avere estensione .xlsx (ricevuto "${options.out}").`);
  }
  return { file: positional[0], ...options } as BuildArgs;
}

/** Settings for a workbook read without the add-in: native formulas, the year and mode asked for. */
export function buildSettings(plan: Plan, year: string | undefined, mode: string | undefined): Settings {
  if (plan.years.length === 0) throw new CliError(`${NO_YEARS_MESSAGE} Nessuna cartella scritta.`);
  const settings: Settings = { ...defaultSettings(plan), formulaMode: "native" };
  if (year !== undefined) {
    const y = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim()) || !plan.years.includes(y)) {
      throw new CliError(`anno "${year}" non nel piano: scegli tra ${plan.years.join(", ")}.`);
    }
    settings.year = y;
  }
  if (mode !== undefined) {
    try {
      settings.mode = scoringModeOf(mode);
    } catch (e) {
      if (e instanceof ScoreError) throw new CliError(e.message);
      throw e;
    }
  }
  return settings;
}

/** Reads an input file, or fails with one Italian line saying why ("non esiste", "è una cartella"). */
export function readInputFile(file: string, io: CliIO, what: string): Buffer {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "non esiste" : code === "EISDIR" ? "è una cartella" : "non si può leggere";
    throw new CliError(`${what} "${file}" ${why}.`);
  }
}

/** Writes an output file, or fails with one Italian line. */
export function writeOutputFile(file: string, data: Buffer | string, io: CliIO): void {
  try {
    io.writeFile(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new CliError(`impossibile scrivere "${file}"${code ? ` (${code})` : ""}.`);
  }
}

/** Problems and warnings of a CSV, one line each in file order, as the CLI prints them. */
export function csvProblemLines(command: string, file: string, problems: CsvProblem[], warnings: CsvProblem[]): string {
  return [...problems.map((p) => ({ ...p, kind: "" })), ...warnings.map((w) => ({ ...w, kind: "avviso: " }))]
    .sort((a, b) => a.line - b.line)
    .map((p) => `pira ${command}: ${file}, riga ${p.line}: ${p.kind}${p.message}\n`)
    .join("");
}

/**
 * Reads a CSV of actuals for the plan. With problems, prints them all (one per line) and returns
 * null: the caller exits 2 without writing anything. Warnings are printed and do not stop.
 */
export function loadActuals(file: string, plan: Plan, io: CliIO, command: string): Actuals | null {
  const bytes = readInputFile(file, io, "il file dei consuntivi");
  const { actuals, problems, warnings } = parseActualsCsv(bytes.toString("utf8"), plan);
  io.err(csvProblemLines(command, file, problems, warnings));
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 problema" : `${problems.length} problemi`;
    io.err(`pira ${command}: ${count} nei consuntivi: nessun file scritto.\n`);
    return null;
  }
  return actuals;
}

export function countActuals(actuals: Actuals): number {
  return Object.values(actuals).reduce((n, byYear) => n + Object.keys(byYear).length, 0);
}

/**
 * The reader's errors and warnings go to stderr before the workbook is written (they are also in
 * its Diagnostica sheet): a document with problems must not look clean in the terminal.
 */
function reportDocumentProblems(plan: Plan, io: CliIO): void {
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  const warnings = plan.diagnostics.filter((d) => d.severity === "warning");
  if (errors.length === 0 && warnings.length === 0) return;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [...errors, ...warnings].map(
    (d) => `  riga ${d.line}: ${d.severity === "error" ? "errore" : "avviso"}: ${d.message}`,
  );
  io.err(
    `pira build: ${count(errors.length, "errore", "errori")} e ${count(warnings.length, "avviso", "avvisi")} ` +
      `nel documento (anche nel foglio Diagnostica):\n${lines.join("\n")}\n`,
  );
}

export async function buildCommand(args: string[], io: CliIO): Promise<number> {
  const options = parseBuildArgs(args);
  const plan = await loadPlan(options.file, io);
  const settings = buildSettings(plan, options.year, options.mode);
  reportDocumentProblems(plan, io);
  let actuals: Actuals = {};
  if (options.actuals !== undefined) {
    const loaded = loadActuals(options.actuals, plan, io, "build");
    if (loaded === null) return 2;
    actuals = loaded;
  }
  const buffer = await writeXlsx(buildWorkbook(plan, settings, actuals));
  writeOutputFile(options.out, buffer, io);
  const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  io.out(
    `Scritto ${options.out}: ${indicators} indicatori, ${countActuals(actuals)} consuntivi, ` +
      `anno ${settings.year}, modalità ${settings.mode}, formule native (grafici non inclusi: i punteggi sono nelle tabelle del Cruscotto).\n`,
  );
  return 0;
}
