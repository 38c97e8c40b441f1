// `pira parse FILE`: the plan as JSON on stdout, its diagnostics included (exit 0 whenever a plan was read).
// FILE is a PDF, a Word document or a text, told apart by content.
import { readDecoded } from "../../domain/reader";
import type { Plan } from "../../domain/model";
import { readSource, SourceError, type SourceReading } from "../../domain/sources/document";
import { nodeSourceReaders } from "../../sources-node/readers";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { cappedList, counted, printableMessage } from "../problems";

export const name = "parse";
export const usage = "pira parse FILE";
export const summary = "legge il cruscotto e stampa il piano (JSON) su stdout";
export const options: OptionsSpec = {};

/** Reads a cruscotto file for the CLI, refusing what is plainly not one (exit 2, one line). */
export async function loadPlan(file: string | undefined, io: CliIO): Promise<Plan> {
  if (!file) throw new CliError(`manca il file del cruscotto. Uso: ${usage}`);
  const bytes = readInputFile(file, io, "il file", "document");
  let reading: SourceReading;
  try {
    reading = await readSource(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), nodeSourceReaders);
  } catch (e) {
    if (e instanceof SourceError) {
      // "il file è vuoto." → 'il file "x.txt" è vuoto.'; "il PDF …" → 'il file "x.pdf": il PDF …'.
      const named = e.message.startsWith("il file ")
        ? `il file "${file}" ${e.message.slice("il file ".length)}`
        : `il file "${file}": ${e.message}`;
      throw new CliError(named);
    }
    throw e;
  }
  const { plan } = readDecoded({ text: reading.text, encoding: reading.encoding });
  if (plan.objectives.length === 0) {
    throw new CliError(
      `il file "${file}" non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato.`,
    );
  }
  return plan;
}

/**
 * The reader's errors and warnings on stderr (the first 20, then how many more), for the commands
 * whose stdout is no plan (`pira parse` has them all in its JSON): a document with problems must not
 * look clean in the terminal. They do not change the exit code: a plan was read.
 */
export function reportDocumentProblems(command: string, plan: Plan, io: CliIO): void {
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  const warnings = plan.diagnostics.filter((d) => d.severity === "warning");
  if (errors.length === 0 && warnings.length === 0) return;
  const lines = [...errors, ...warnings].map(
    (d) => `riga ${d.line}: ${d.severity === "error" ? "errore" : "avviso"}: ${printableMessage(d.message)}`,
  );
  io.err(
    `pira ${command}: ${counted(errors.length, "errore", "errori")} e ${counted(warnings.length, "avviso", "avvisi")} ` +
      `nel documento (anche nel foglio Diagnostica):\n${cappedList(lines)
        .map((l) => `  ${l}`)
        .join("\n")}\n`,
  );
}

export async function run({ positionals }: ParsedArgs, io: CliIO): Promise<number> {
  if (positionals.length > 1) throw new CliError(`un solo file alla volta (ricevuti ${positionals.length}).`);
  const plan = await loadPlan(positionals[0], io);
  io.out(JSON.stringify(plan, null, 2) + "\n");
  return 0;
}
