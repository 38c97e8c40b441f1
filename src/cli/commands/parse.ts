// `pira parse FILE`: the plan as JSON on stdout.
import { readCruscotto } from "../../domain/reader";
import type { Plan } from "../../domain/model";
import { CliError, type CliIO } from "../io";

/** Reads a cruscotto file for the CLI, refusing what is plainly not one (exit 2, one line). */
export function loadPlan(file: string | undefined, io: CliIO): Plan {
  if (!file) throw new CliError("manca il file del cruscotto. Uso: pira parse FILE");
  let bytes: Buffer;
  try {
    bytes = io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "non esiste" : code === "EISDIR" ? "è una cartella" : "non si può leggere";
    throw new CliError(`il file "${file}" ${why}.`);
  }
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

export async function parseCommand(args: string[], io: CliIO): Promise<number> {
  const files = args.filter((a) => !a.startsWith("-"));
  if (files.length > 1) throw new CliError(`un solo file alla volta (ricevuti ${files.length}).`);
  const plan = loadPlan(files[0], io);
  io.out(JSON.stringify(plan, null, 2) + "\n");
  return 0;
}
