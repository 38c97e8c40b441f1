// `pira report WORKBOOK.xlsx [--year AAAA] -o relazione.docx`: the tables of the Relazione sulla
// Performance (chamber, areas, objectives, indicators with target, consuntivo, grado di
// raggiungimento, stato and nota, and the rules in force) as a Word document, from a workbook made
// by `pira build` or the add-in. Scores come from the domain, with the workbook's settings.
import type { Actuals, Plan } from "../../domain/model";
import { buildReport, ReportYearError, type Notes } from "../../domain/report";
import type { Settings } from "../../domain/settings";
import { WorkbookFormatError } from "../../workbook/read";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile, writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { reportAdapter, xlsxAdapter } from "../lazyXlsx";

export const name = "report";
export const usage = "pira report CARTELLA.xlsx -o RELAZIONE.docx [--year AAAA]";
export const summary = "scrive le tabelle della Relazione sulla performance (.docx) per l'OIV dalla cartella di lavoro";
export const options: OptionsSpec = {
  out: { names: ["-o", "--out", "--output"] },
  year: { names: ["--year", "--anno"] },
};
const USAGE = `Uso: ${usage}`;

export interface ReportArgs {
  workbook: string;
  out: string;
  year?: string;
}

function reportArgsOf({ options, positionals }: ParsedArgs): ReportArgs {
  if (positionals.length !== 1) {
    throw new CliError(`serve una cartella di lavoro .xlsx (ricevuti ${positionals.length} file). ${USAGE}`);
  }
  if (options.out === undefined) throw new CliError(`manca il file da scrivere (-o RELAZIONE.docx). ${USAGE}`);
  if (!/\.docx$/i.test(options.out)) {
    throw new CliError(`il file da scrivere deve avere estensione .docx (ricevuto "${options.out}").`);
  }
  return { workbook: positionals[0], out: options.out, year: options.year };
}

/** The year asked for, or the workbook's year in view; one Italian line when it is not a plan year. */
export function reportYear(plan: Plan, settings: Settings, asked: string | undefined): number {
  const text = asked?.trim() ?? String(settings.year);
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || !plan.years.includes(year)) {
    throw new CliError(`anno "${text}" non nel piano: scegli tra ${plan.years.join(", ")}.`);
  }
  return year;
}

/** Builds the report of the year and writes it as .docx; shared with `pira demo`. */
export async function writeReport(
  plan: Plan,
  actuals: Actuals,
  settings: Settings,
  year: number,
  notes: Notes,
  out: string,
  io: CliIO,
): Promise<void> {
  let report;
  try {
    report = buildReport(plan, actuals, settings, year, notes);
  } catch (e) {
    if (e instanceof ReportYearError) throw new CliError(e.message);
    throw e;
  }
  writeOutputFile(out, await reportAdapter().reportDocx(report), io);
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const options = reportArgsOf(args);
  const bytes = readInputFile(options.workbook, io, "il file", "workbook");
  let read;
  try {
    read = await xlsxAdapter().readWorkbookReport(bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new CliError(`"${options.workbook}": ${e.message}`);
    throw e;
  }
  if (read.problems.length > 0) {
    for (const p of read.problems) io.err(`pira report: ${p.cell}: ${p.message}\n`);
    io.err(`pira report: ${read.problems.length} celle con errori: nessun file scritto.\n`);
    return 2;
  }
  const year = reportYear(read.plan, read.settings, options.year);
  await writeReport(read.plan, read.actuals, read.settings, year, read.notes, options.out, io);
  const objectives = read.plan.objectives.length;
  io.out(`Scritto ${options.out}: relazione ${year}, ${objectives} obiettivi, da ${options.workbook}.\n`);
  return 0;
}
