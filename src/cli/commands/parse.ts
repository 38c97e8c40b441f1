// `pira parse FILE`: the plan as JSON on stdout. FILE is a PDF, a Word document or a text, told apart by content.
import { readCruscotto } from "../../domain/reader";
import type { Plan } from "../../domain/model";
import { readSource, SourceError } from "../../domain/sources/document";
import { nodeSourceReaders } from "../../sources-node/readers";
import { CliError, type CliIO } from "../io";

/** Reads a cruscotto file for the CLI, refusing what is plainly not one (exit 2, one line). */
export async function loadPlan(file: string | undefined, io: CliIO): Promise<Plan> {
  if (!file) throw new CliError("manca il file del cruscotto. Uso: pira parse FILE");
  let bytes: Buffer;
  try {
    bytes = io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "non esiste" : code === "EISDIR" ? "è una cartella" : "non si può leggere";
    throw new CliError(`il file "${file}" ${why}.`);
  }
  let text: string;
  try {
    text = (await readSource(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), nodeSourceReaders)).text;
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
  const plan = readCruscotto(text);
  if (plan.objectives.length === 0) {
    throw new CliError(
      `il file "${file}" non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato.`,
    );
  }
  return plan;
}

export async function parseCommand(args: string[], io: CliIO): Promise<number> {
  const files = args.filter((a) => !a.startsWith("-"));
  if (files.length > 1) throw new CliError(`un solo file alla volta (ricevuti ${files.length}).`);
  const plan = await loadPlan(files[0], io);
  io.out(JSON.stringify(plan, null, 2) + "\n");
  return 0;
}
