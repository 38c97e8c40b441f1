// `pira build FILE -o OUT.xlsx [--actuals FILE.csv] [--year YYYY] [--mode M]`: the workbook the
// add-in makes, as an .xlsx with native formulas only, for people who open it without the add-in.
import { parseActualsCsv, type CsvProblem } from "../../domain/actualsCsv";
import type { Notes } from "../../domain/match";
import type { Actuals, Plan } from "../../domain/model";
import { ScoreError, scoringModeOf } from "../../domain/score";
import { defaultSettings, type Settings } from "../../domain/settings";
import { todaySerial } from "../../domain/dates";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookContents } from "../../workbook/read";
import { reviseWorkbook } from "../../workbook/revise";
import { revisionSummary } from "../summary";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile, writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { xlsxAdapter } from "../lazyXlsx";
import { cappedList, counted, printableMessage } from "../problems";
import { loadPlan, reportDocumentProblems } from "./parse";
import { NO_YEARS_MESSAGE } from "../../domain/reader";

export const name = "build";
export const usage =
  "pira build FILE -o OUT.xlsx [--actuals CONSUNTIVI.csv | --from VECCHIA.xlsx [--no-similar]] [--year AAAA] [--mode proporzionale|binario|lineare] [--force]";
export const summary =
  "scrive la cartella di lavoro del cruscotto (.xlsx, formule native) con i consuntivi del CSV, o il piano rivisto con consuntivi, note, Archivio e Registro della cartella --from";
export const options: OptionsSpec = {
  out: { names: ["-o", "--out", "--output"] },
  actuals: { names: ["--actuals", "--consuntivi"] },
  from: { names: ["--from", "--da"] },
  noSimilar: { names: ["--no-similar"], takesValue: false },
  year: { names: ["--year", "--anno"] },
  mode: { names: ["--mode", "-m"] },
  force: { names: ["--force"], takesValue: false },
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
  if (options.from !== undefined && options.actuals !== undefined) {
    throw new CliError(
      `--from e --actuals insieme non sono ammessi: i consuntivi vengono dalla cartella --from. ${USAGE}`,
    );
  }
  if (flags.has("noSimilar") && options.from === undefined) {
    throw new CliError(`--no-similar vale solo con --from. ${USAGE}`);
  }
  return {
    file: positionals[0],
    ...options,
    noSimilar: flags.has("noSimilar"),
    force: flags.has("force"),
  } as BuildArgs;
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

/** The consuntivi of a CSV and its notes di scostamento (the optional «nota» column). */
export interface LoadedActuals {
  actuals: Actuals;
  notes: Notes;
}

/**
 * Reads a CSV of actuals (and notes) for the plan. With problems, prints them (one per line, the first 20)
 * and returns null: the caller exits 2 without writing anything. Warnings are printed and do not stop.
 */
export function loadActuals(file: string, plan: Plan, io: CliIO, command: string): LoadedActuals | null {
  const bytes = readInputFile(file, io, "il file dei consuntivi", "csv");
  const { actuals, notes, problems, warnings } = parseActualsCsv(bytes.toString("utf8"), plan);
  io.err(csvProblemLines(command, file, problems, warnings));
  if (problems.length > 0) {
    io.err(
      `pira ${command}: ${counted(problems.length, "problema", "problemi")} nei consuntivi: nessun file scritto.\n`,
    );
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

export { todaySerial };

/** Reads a workbook made by `pira build` or the add-in, or fails with one Italian line naming it. */
export async function loadWorkbookContents(file: string, io: CliIO, what: string): Promise<WorkbookContents> {
  const bytes = readInputFile(file, io, what, "workbook");
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
    io.err(cappedList(result.problems.map((p) => `pira build: ${printableMessage(p)}`)).join("\n") + "\n");
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
  // A revision of the same file carries everything typed in it, and the write is atomic.
  const revisesItself = options.from !== undefined && io.realpath(options.from) === io.realpath(options.out);
  if (!options.force && !revisesItself) await refuseToDestroy(options.out, io);
  const plan = await loadPlan(options.file, io);
  const settings = buildSettings(plan, options.year, options.mode);
  reportDocumentProblems("build", plan, io);
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
      `anno ${settings.year}, modalità ${settings.mode}, formule native, grafici nel Cruscotto.\n`,
  );
  return 0;
}
