// `pira build FILE -o OUT.xlsx [--actuals FILE.csv] [--year YYYY] [--mode M]`: the workbook the
// add-in makes, as an .xlsx with native formulas only, for people who open it without the add-in.
import { parseActualsCsv, type CsvProblem } from "../../domain/actualsCsv";
import type { Actuals, Plan } from "../../domain/model";
import { ScoreError, scoringModeOf } from "../../domain/score";
import { defaultSettings, type Settings } from "../../domain/settings";
import { buildWorkbook } from "../../workbook/build";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile, writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { xlsxAdapter } from "../lazyXlsx";
import { cappedList, counted, printableMessage } from "../problems";
import { loadPlan, reportDocumentProblems } from "./parse";
import { NO_YEARS_MESSAGE } from "../../domain/reader";

export const name = "build";
export const usage =
  "pira build FILE -o OUT.xlsx [--actuals CONSUNTIVI.csv] [--year AAAA] [--mode proporzionale|binario|lineare] [--force]";
export const summary = "scrive la cartella di lavoro del cruscotto (.xlsx, formule native) con i consuntivi del CSV";
export const options: OptionsSpec = {
  out: { names: ["-o", "--out", "--output"] },
  actuals: { names: ["--actuals", "--consuntivi"] },
  year: { names: ["--year", "--anno"] },
  mode: { names: ["--mode", "-m"] },
  force: { names: ["--force"], takesValue: false },
};
const USAGE = `Uso: ${usage}`;

export interface BuildArgs {
  file: string;
  out: string;
  actuals?: string;
  year?: string;
  mode?: string;
  force: boolean;
}

function buildArgsOf({ options, positionals, flags }: ParsedArgs): BuildArgs {
  if (positionals.length === 0) throw new CliError(`manca il file del cruscotto. ${USAGE}`);
  if (positionals.length > 1)
    throw new CliError(`un solo file del cruscotto (ricevuti ${positionals.length}). ${USAGE}`);
  if (options.out === undefined) throw new CliError(`manca il file da scrivere (-o OUT.xlsx). ${USAGE}`);
  if (!/\.xlsx$/i.test(options.out)) {
    throw new CliError(`il file da scrivere deve avere estensione .xlsx (ricevuto "${options.out}").`);
  }
  return { file: positionals[0], ...options, force: flags.has("force") } as BuildArgs;
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

/** Problems and warnings of a CSV, one line each in file order (the first 20, then how many more), as the CLI prints them. */
export function csvProblemLines(command: string, file: string, problems: CsvProblem[], warnings: CsvProblem[]): string {
  const lines = [...problems.map((p) => ({ ...p, kind: "" })), ...warnings.map((w) => ({ ...w, kind: "avviso: " }))]
    .sort((a, b) => a.line - b.line)
    .map((p) => `${file}, riga ${p.line}: ${p.kind}${printableMessage(p.message)}`);
  return cappedList(lines)
    .map((l) => `pira ${command}: ${l}\n`)
    .join("");
}

/**
 * Reads a CSV of actuals for the plan. With problems, prints them (one per line, the first 20) and returns
 * null: the caller exits 2 without writing anything. Warnings are printed and do not stop.
 */
export function loadActuals(file: string, plan: Plan, io: CliIO, command: string): Actuals | null {
  const bytes = readInputFile(file, io, "il file dei consuntivi", "csv");
  const { actuals, problems, warnings } = parseActualsCsv(bytes.toString("utf8"), plan);
  io.err(csvProblemLines(command, file, problems, warnings));
  if (problems.length > 0) {
    io.err(
      `pira ${command}: ${counted(problems.length, "problema", "problemi")} nei consuntivi: nessun file scritto.\n`,
    );
    return null;
  }
  return actuals;
}

export function countActuals(actuals: Actuals): number {
  return Object.values(actuals).reduce((n, byYear) => n + Object.keys(byYear).length, 0);
}

/**
 * Refuses to replace a file that holds what a user typed, or that is not a workbook of this project
 * (unless --force): `pira build` writes a fresh workbook, so every consuntivo and note in the old one
 * would be lost. A workbook of ours with nothing typed is replaced without asking.
 */
export async function refuseToDestroy(out: string, io: CliIO): Promise<void> {
  const info = io.stat(out);
  if (info === null) return;
  const force = "usa --force per sostituirlo comunque, oppure scegli un altro -o.";
  if (info.isDirectory) throw new CliError(`"${out}" è una cartella: indica il file .xlsx da scrivere.`);
  let bytes: Buffer;
  try {
    bytes = readInputFile(out, io, "il file", "workbook");
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    throw new CliError(`"${out}" esiste già e non si può verificare (${e.message.replace(/\.$/, "")}): ${force}`);
  }
  const found = await xlsxAdapter().readTypedCells(bytes);
  if (!found.ours) {
    throw new CliError(`"${out}" esiste già e non è una cartella di lavoro del cruscotto (${found.reason}): ${force}`);
  }
  if (found.actuals === 0 && found.notes === 0) return;
  const held = [
    found.actuals > 0 ? counted(found.actuals, "consuntivo", "consuntivi") : "",
    found.notes > 0 ? counted(found.notes, "nota", "note") : "",
  ]
    .filter(Boolean)
    .join(" e ");
  throw new CliError(
    `"${out}" contiene dati inseriti a mano (${held}) che una nuova cartella cancellerebbe: riportali con ` +
      `--from ${out} (e un altro -o), oppure esportali prima con "pira export-actuals ${out} -o consuntivi.csv"; ` +
      `--force sovrascrive comunque.`,
  );
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const options = buildArgsOf(args);
  if (!options.force) await refuseToDestroy(options.out, io);
  const plan = await loadPlan(options.file, io);
  const settings = buildSettings(plan, options.year, options.mode);
  reportDocumentProblems("build", plan, io);
  let actuals: Actuals = {};
  if (options.actuals !== undefined) {
    const loaded = loadActuals(options.actuals, plan, io, "build");
    if (loaded === null) return 2;
    actuals = loaded;
  }
  const { writeXlsx } = xlsxAdapter();
  const buffer = await writeXlsx(buildWorkbook(plan, settings, actuals));
  writeOutputFile(options.out, buffer, io);
  const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  io.out(
    `Scritto ${options.out}: ${indicators} indicatori, ${countActuals(actuals)} consuntivi, ` +
      `anno ${settings.year}, modalità ${settings.mode}, formule native, grafici nel Cruscotto.\n`,
  );
  return 0;
}
