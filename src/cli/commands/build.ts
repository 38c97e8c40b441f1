// `pira build FILE -o OUT.xlsx [--actuals FILE.csv] [--year YYYY] [--mode M]`: the workbook the
// add-in makes, as an .xlsx with native formulas only, for people who open it without the add-in.
import { parseActualsCsv, type CsvProblem } from "../../domain/actualsCsv";
import type { Notes } from "../../domain/match";
import type { Actuals, Plan } from "../../domain/model";
import { ScoreError, scoringModeOf } from "../../domain/score";
import { defaultSettings, type Settings } from "../../domain/settings";
import { dateToSerial } from "../../domain/dates";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookContents } from "../../workbook/read";
import { reviseWorkbook } from "../../workbook/revise";
import { revisionSummary } from "../summary";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile, writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { xlsxAdapter } from "../lazyXlsx";
import { loadPlan } from "./parse";
import { NO_YEARS_MESSAGE } from "../../domain/reader";

export const name = "build";
export const usage =
  "pira build FILE -o OUT.xlsx [--actuals CONSUNTIVI.csv | --from VECCHIA.xlsx [--no-similar]] [--year AAAA] [--mode proporzionale|binario|lineare]";
export const summary =
  "scrive la cartella di lavoro del cruscotto (.xlsx, formule native) con i consuntivi del CSV, o il piano rivisto con consuntivi, note, Archivio e Registro della cartella --from";
export const options: OptionsSpec = {
  out: { names: ["-o", "--out", "--output"] },
  actuals: { names: ["--actuals", "--consuntivi"] },
  from: { names: ["--from", "--da"] },
  noSimilar: { names: ["--no-similar"], takesValue: false },
  year: { names: ["--year", "--anno"] },
  mode: { names: ["--mode", "-m"] },
};
const USAGE = `Uso: ${usage}`;

export interface BuildArgs {
  file: string;
  out: string;
  actuals?: string;
  from?: string;
  noSimilar: boolean;
  year?: string;
  mode?: string;
}

function buildArgsOf({ options, positionals, flags }: ParsedArgs): BuildArgs {
  if (positionals.length === 0) throw new CliError(`manca il file del cruscotto. ${USAGE}`);
  if (positionals.length > 1)
    throw new CliError(`un solo file del cruscotto (ricevuti ${positionals.length}). ${USAGE}`);
  if (options.out === undefined) throw new CliError(`manca il file da scrivere (-o OUT.xlsx). ${USAGE}`);
  if (!/\.xlsx$/i.test(options.out)) {
    throw new CliError(`il file da scrivere deve avere estensione .xlsx (ricevuto "${options.out}").`);
  }
  if (options.from !== undefined && options.actuals !== undefined) {
    throw new CliError(
      `--from e --actuals insieme non sono ammessi: i consuntivi vengono dalla cartella --from. ${USAGE}`,
    );
  }
  if (flags.has("noSimilar") && options.from === undefined) {
    throw new CliError(`--no-similar vale solo con --from. ${USAGE}`);
  }
  return { file: positionals[0], ...options, noSimilar: flags.has("noSimilar") } as BuildArgs;
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

/** Problems and warnings of a CSV, one line each in file order, as the CLI prints them. */
export function csvProblemLines(command: string, file: string, problems: CsvProblem[], warnings: CsvProblem[]): string {
  return [...problems.map((p) => ({ ...p, kind: "" })), ...warnings.map((w) => ({ ...w, kind: "avviso: " }))]
    .sort((a, b) => a.line - b.line)
    .map((p) => `pira ${command}: ${file}, riga ${p.line}: ${p.kind}${p.message}\n`)
    .join("");
}

/** The consuntivi of a CSV and its notes di scostamento (the optional «nota» column). */
export interface LoadedActuals {
  actuals: Actuals;
  notes: Notes;
}

/**
 * Reads a CSV of actuals (and notes) for the plan. With problems, prints them all (one per line)
 * and returns null: the caller exits 2 without writing anything. Warnings are printed and do not stop.
 */
export function loadActuals(file: string, plan: Plan, io: CliIO, command: string): LoadedActuals | null {
  const bytes = readInputFile(file, io, "il file dei consuntivi");
  const { actuals, notes, problems, warnings } = parseActualsCsv(bytes.toString("utf8"), plan);
  io.err(csvProblemLines(command, file, problems, warnings));
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 problema" : `${problems.length} problemi`;
    io.err(`pira ${command}: ${count} nei consuntivi: nessun file scritto.\n`);
    return null;
  }
  return { actuals, notes };
}

export function countActuals(actuals: Actuals | Notes): number {
  return Object.values(actuals).reduce((n, byYear) => n + Object.keys(byYear).length, 0);
}

/** ", 3 note" when there are notes; nothing otherwise (the message stays as it was without notes). */
export function notesClause(notes: Notes): string {
  const n = countActuals(notes);
  return n === 0 ? "" : `, ${n} ${n === 1 ? "nota" : "note"}`;
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

/** Today as an Excel date serial (the Registro's «Data»). */
export function todaySerial(now: Date = new Date()): number {
  return dateToSerial(now.getDate(), now.getMonth() + 1, now.getFullYear())!;
}

/** Reads a workbook made by `pira build` or the add-in, or fails with one Italian line naming it. */
export async function loadWorkbookContents(file: string, io: CliIO, what: string): Promise<WorkbookContents> {
  const bytes = readInputFile(file, io, what);
  const { WorkbookFormatError, readWorkbookContents } = xlsxAdapter();
  try {
    return await readWorkbookContents(bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new CliError(`"${file}": ${e.message}`);
    throw e;
  }
}

/** `--from`: the revised plan over the old workbook; nothing is written when a value has no place. */
async function runRevision(options: BuildArgs, plan: Plan, io: CliIO): Promise<number> {
  // The old workbook is read whole before anything is written: -o may name the same file.
  const old = await loadWorkbookContents(options.from!, io, "la cartella di partenza");
  const overrides = buildSettings(plan, options.year, options.mode);
  const result = reviseWorkbook(old, plan, {
    acceptProposals: !options.noSimilar,
    today: todaySerial(),
    settings: {
      formulaMode: "native",
      ...(options.year !== undefined ? { year: overrides.year } : {}),
      ...(options.mode !== undefined ? { mode: overrides.mode } : {}),
    },
  });
  if (result.problems.length > 0) {
    for (const p of result.problems) io.err(`pira build: ${p}\n`);
    const n = result.problems.length;
    io.err(`pira build: ${n === 1 ? "1 valore" : `${n} valori`} senza posto nel piano rivisto: nessun file scritto.\n`);
    return 2;
  }
  const { writeXlsx } = xlsxAdapter();
  writeOutputFile(options.out, await writeXlsx(result.description), io);
  io.out(revisionSummary(result, options.from!, options.out));
  return 0;
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const options = buildArgsOf(args);
  const plan = loadPlan(options.file, io);
  const settings = buildSettings(plan, options.year, options.mode);
  reportDocumentProblems(plan, io);
  if (options.from !== undefined) return runRevision(options, plan, io);
  let actuals: Actuals = {};
  let notes: Notes = {};
  if (options.actuals !== undefined) {
    const loaded = loadActuals(options.actuals, plan, io, "build");
    if (loaded === null) return 2;
    ({ actuals, notes } = loaded);
  }
  const { writeXlsx } = xlsxAdapter();
  const buffer = await writeXlsx(buildWorkbook(plan, settings, actuals, { notes, today: todaySerial() }));
  writeOutputFile(options.out, buffer, io);
  const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
  io.out(
    `Scritto ${options.out}: ${indicators} indicatori, ${countActuals(actuals)} consuntivi${notesClause(notes)}, ` +
      `anno ${settings.year}, modalità ${settings.mode}, formule native (grafici non inclusi: i punteggi sono nelle tabelle del Cruscotto).\n`,
  );
  return 0;
}
