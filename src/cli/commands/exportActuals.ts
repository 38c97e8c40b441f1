// `pira export-actuals WORKBOOK.xlsx [-o FILE.csv] [--separator ";"|","]`: the actuals typed into a
// workbook, as the CSV `pira build --actuals` reads (build → fill → export → build round trip).
import { formatActualsCsv, type CsvSeparator } from "../../domain/actualsCsv";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile, writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { xlsxAdapter } from "../lazyXlsx";
import { cappedList, printableMessage } from "../problems";
import { countActuals, notesClause } from "./build";

export const name = "export-actuals";
export const usage = 'pira export-actuals CARTELLA.xlsx [-o CONSUNTIVI.csv] [--separator ";"|","]';
export const summary =
  "estrae in CSV (indicatore;anno;consuntivo[;nota]) i consuntivi e le note inseriti nella cartella di lavoro";
export const options: OptionsSpec = {
  out: { names: ["-o", "--out", "--output"] },
  separator: { names: ["--separator"] },
};
const USAGE = `Uso: ${usage}`;

interface ExportArgs {
  workbook: string;
  out?: string;
  separator: CsvSeparator;
}

function exportArgsOf({ options, positionals }: ParsedArgs): ExportArgs {
  if (positionals.length !== 1) {
    throw new CliError(`serve una cartella di lavoro .xlsx (ricevuti ${positionals.length} file). ${USAGE}`);
  }
  const separator = options.separator;
  if (separator !== undefined && separator !== ";" && separator !== ",") {
    throw new CliError(`separatore "${separator}" non ammesso: usa ";" oppure ",".`);
  }
  return { workbook: positionals[0], out: options.out, separator: (separator ?? ";") as CsvSeparator };
}

const ZIP_SIGNATURE = Buffer.from("PK\x03\x04", "latin1");

/**
 * The CSV never replaces a workbook: not its own input (however the path is written: relative,
 * through a symlink), not any .xlsx/.xlsm by name, not any existing zip (a workbook renamed .csv).
 */
function refuseToOverwriteWorkbook(workbook: string, out: string, io: CliIO): void {
  if (io.realpath(out) === io.realpath(workbook)) {
    throw new CliError(`"${out}" è la cartella di lavoro da leggere: scrivi i consuntivi in un file .csv diverso.`);
  }
  if (/\.xls[xm]$/i.test(out)) {
    throw new CliError(`"${out}" è una cartella di lavoro (.xlsx/.xlsm): scrivi i consuntivi in un file .csv.`);
  }
  const info = io.stat(out);
  if (info?.isFile && io.readHead(out, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    throw new CliError(
      `"${out}" esiste ed è un file zip (una cartella di lavoro?): non lo sostituisco, scrivi i consuntivi in un altro file .csv.`,
    );
  }
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const { workbook, out, separator } = exportArgsOf(args);
  if (out !== undefined) refuseToOverwriteWorkbook(workbook, out, io);
  const bytes = readInputFile(workbook, io, "il file", "workbook");
  let read;
  const { WorkbookFormatError, readWorkbookActuals } = xlsxAdapter();
  try {
    read = await readWorkbookActuals(bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new CliError(`"${workbook}": ${e.message}`);
    throw e;
  }
  if (read.problems.length > 0) {
    for (const line of cappedList(read.problems.map((p) => `${p.cell}: ${printableMessage(p.message)}`))) {
      io.err(`pira export-actuals: ${line}\n`);
    }
    io.err(`pira export-actuals: ${read.problems.length} celle con errori: nessun file scritto.\n`);
    return 2;
  }
  const csv = formatActualsCsv(read.plan, read.actuals, separator, read.notes);
  if (out === undefined) {
    io.out(csv);
    return 0;
  }
  writeOutputFile(out, csv, io);
  io.out(`Scritto ${out}: ${countActuals(read.actuals)} consuntivi${notesClause(read.notes)} da ${workbook}.\n`);
  return 0;
}
