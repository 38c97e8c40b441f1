// `pira report WORKBOOK.xlsx [--year AAAA] -o relazione.docx`: the tables of the Relazione sulla
// Performance (chamber, areas, objectives, indicators with target, consuntivo, grado di
// raggiungimento, stato and nota, and the rules in force) as a Word document, from a workbook made
// by `pira build` or the add-in. Scores come from the domain, with the workbook's settings.
import type { Actuals, Plan } from "../../domain/model";
import { buildReport, ReportYearError, type Notes } from "../../domain/report";
import type { Settings } from "../../domain/settings";
import { reportDocx } from "../../report/docx";
import { readWorkbookReport } from "../../xlsx/readReport";
import { CliError, type CliIO } from "../io";
import { WorkbookFormatError } from "../xlsx";
import { readInputFile, writeOutputFile } from "./build";

export const REPORT_USAGE = "Uso: pira report CARTELLA.xlsx -o RELAZIONE.docx [--year AAAA]";

export interface ReportArgs {
  workbook: string;
  out: string;
  year?: string;
}

const OPTIONS: Record<string, "out" | "year"> = {
  "-o": "out",
  "--out": "out",
  "--output": "out",
  "--year": "year",
  "--anno": "year",
};

export function parseReportArgs(args: string[]): ReportArgs {
  const positional: string[] = [];
  const options: { out?: string; year?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const key = OPTIONS[flag];
    if (key !== undefined) {
      const value = flag !== arg ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value.trim() === "") throw new CliError(`manca il valore di ${flag}. ${REPORT_USAGE}`);
      if (options[key] !== undefined) throw new CliError(`${flag} indicato due volte. ${REPORT_USAGE}`);
      options[key] = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new CliError(`opzione sconosciuta "${arg}". ${REPORT_USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw new CliError(`serve una cartella di lavoro .xlsx (ricevuti ${positional.length} file). ${REPORT_USAGE}`);
  }
  if (options.out === undefined) throw new CliError(`manca il file da scrivere (-o RELAZIONE.docx). ${REPORT_USAGE}`);
  if (!/\.docx$/i.test(options.out)) {
    throw new CliError(`il file da scrivere deve avere estensione .docx (ricevuto "${options.out}").`);
  }
  return { workbook: positional[0], out: options.out, year: options.year };
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
  writeOutputFile(out, await reportDocx(report), io);
}

export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const options = parseReportArgs(args);
  const bytes = readInputFile(options.workbook, io, "il file");
  let read;
  try {
    read = await readWorkbookReport(bytes);
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
