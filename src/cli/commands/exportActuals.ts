// `pira export-actuals WORKBOOK.xlsx [-o FILE.csv] [--separator ";"|","]`: the actuals typed into a
// workbook, as the CSV `pira build --actuals` reads (build → fill → export → build round trip).
import { formatActualsCsv, type CsvSeparator } from "../../domain/actualsCsv";
import { CliError, type CliIO } from "../io";
import { WorkbookFormatError, readWorkbookActuals } from "../../xlsx";
import { countActuals, readInputFile, writeOutputFile } from "./build";

const USAGE = 'Uso: pira export-actuals CARTELLA.xlsx [-o CONSUNTIVI.csv] [--separator ";"|","]';

interface ExportArgs {
  workbook: string;
  out?: string;
  separator: CsvSeparator;
}

function parseArgs(args: string[]): ExportArgs {
  const positional: string[] = [];
  let out: string | undefined;
  let separator: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-o" || arg === "--out" || arg === "--output" || arg === "--separator") {
      const value = args[++i];
      if (value === undefined || value.trim() === "") throw new CliError(`manca il valore di ${arg}. ${USAGE}`);
      if (arg === "--separator") separator = value;
      else out = value;
    } else if (arg.startsWith("-")) {
      throw new CliError(`opzione sconosciuta "${arg}". ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw new CliError(`serve una cartella di lavoro .xlsx (ricevuti ${positional.length} file). ${USAGE}`);
  }
  if (separator !== undefined && separator !== ";" && separator !== ",") {
    throw new CliError(`separatore "${separator}" non ammesso: usa ";" oppure ",".`);
  }
  return { workbook: positional[0], out, separator: (separator ?? ";") as CsvSeparator };
}

export async function exportActualsCommand(args: string[], io: CliIO): Promise<number> {
  const { workbook, out, separator } = parseArgs(args);
  const bytes = readInputFile(workbook, io, "il file");
  let read;
  try {
    read = await readWorkbookActuals(bytes);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw new CliError(`"${workbook}": ${e.message}`);
    throw e;
  }
  if (read.problems.length > 0) {
    for (const p of read.problems) io.err(`pira export-actuals: ${p.cell}: ${p.message}\n`);
    io.err(`pira export-actuals: ${read.problems.length} celle con errori: nessun file scritto.\n`);
    return 2;
  }
  const csv = formatActualsCsv(read.plan, read.actuals, separator);
  if (out === undefined) {
    io.out(csv);
    return 0;
  }
  writeOutputFile(out, csv, io);
  io.out(`Scritto ${out}: ${countActuals(read.actuals)} consuntivi da ${workbook}.\n`);
  return 0;
}
