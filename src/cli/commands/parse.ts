// `pira parse FILE`: the plan as JSON on stdout, its diagnostics included (exit 0 whenever a plan was read).
import { decodeText, type DecodedText } from "../../domain/encoding";
import { readDecoded } from "../../domain/reader";
import type { Plan } from "../../domain/model";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { cappedList, counted, printableMessage } from "../problems";

export const name = "parse";
export const usage = "pira parse FILE";
export const summary = "legge il cruscotto e stampa il piano (JSON) su stdout";
export const options: OptionsSpec = {};

/** Reads a cruscotto file for the CLI, refusing what is plainly not one (exit 2, one line). */
export function loadPlan(file: string | undefined, io: CliIO): Plan {
  if (!file) throw new CliError(`manca il file del cruscotto. Uso: ${usage}`);
  const bytes = readInputFile(file, io, "il file", "document");
  if (bytes.length === 0) throw new CliError(`il file "${file}" è vuoto.`);
  const decoded = decodeText(bytes);
  if (looksBinary(bytes, decoded)) throw new CliError(`il file "${file}" non è un testo (sembra un file binario).`);
  const { plan } = readDecoded(decoded);
  if (plan.objectives.length === 0) {
    throw new CliError(
      `il file "${file}" non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato.`,
    );
  }
  return plan;
}

/**
 * A zero byte outside UTF-16, or control characters and undecodable bytes in the first 8 KB: a
 * binary file, not a text.
 */
function looksBinary(bytes: Uint8Array, { text, encoding }: DecodedText): boolean {
  if (!encoding.startsWith("utf-16") && bytes.subarray(0, 8192).includes(0)) return true;
  const head = text.slice(0, 8192);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0xfffd) odd++;
  }
  return odd > Math.max(4, head.length / 50);
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
  const plan = loadPlan(positionals[0], io);
  io.out(JSON.stringify(plan, null, 2) + "\n");
  return 0;
}
