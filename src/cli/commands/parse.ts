// `pira parse FILE`: the plan as JSON on stdout.
import { readCruscotto } from "../../domain/reader";
import type { Plan } from "../../domain/model";
import type { OptionsSpec, ParsedArgs } from "../args";
import { readInputFile } from "../files";
import { CliError, type CliIO } from "../io";

export const name = "parse";
export const usage = "pira parse FILE";
export const summary = "legge il cruscotto e stampa il piano (JSON) su stdout";
export const options: OptionsSpec = {};

/** Reads a cruscotto file for the CLI, refusing what is plainly not one (exit 2, one line). */
export function loadPlan(file: string | undefined, io: CliIO): Plan {
  if (!file) throw new CliError(`manca il file del cruscotto. Uso: ${usage}`);
  const bytes = readInputFile(file, io, "il file");
  if (bytes.length === 0) throw new CliError(`il file "${file}" è vuoto.`);
  if (looksBinary(bytes)) throw new CliError(`il file "${file}" non è un testo (sembra un file binario).`);
  const plan = readCruscotto(bytes.toString("utf8"));
  if (plan.objectives.length === 0) {
    throw new CliError(
      `il file "${file}" non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato.`,
    );
  }
  return plan;
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const text = head.toString("utf8");
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  return replacement > Math.max(4, text.length / 50);
}

export async function run({ positionals }: ParsedArgs, io: CliIO): Promise<number> {
  if (positionals.length > 1) throw new CliError(`un solo file alla volta (ricevuti ${positionals.length}).`);
  const plan = loadPlan(positionals[0], io);
  io.out(JSON.stringify(plan, null, 2) + "\n");
  return 0;
}
