// `pira diff OLD NEW`: the change list between two plans, each a cruscotto document or a workbook
// made by `pira build` or the add-in. Writes nothing.
import { matchPlans } from "../../domain/match";
import type { Plan } from "../../domain/model";
import type { OptionsSpec, ParsedArgs } from "../args";
import { CliError, type CliIO } from "../io";
import { changeLines } from "../summary";
import { loadWorkbookContents } from "./build";
import { loadPlan } from "./parse";

export const name = "diff";
export const usage = "pira diff VECCHIO NUOVO [--all]";
export const summary =
  "elenca le modifiche tra due piani (documenti del cruscotto o cartelle .xlsx), con le corrispondenze proposte; non scrive nulla";
export const options: OptionsSpec = { all: { names: ["--all", "--tutte"], takesValue: false } };
const USAGE = `Uso: ${usage}`;

async function planOf(file: string, io: CliIO): Promise<Plan> {
  if (/\.xlsx$/i.test(file)) return (await loadWorkbookContents(file, io, "la cartella")).plan;
  return loadPlan(file, io);
}

export async function run({ positionals, flags }: ParsedArgs, io: CliIO): Promise<number> {
  if (positionals.length !== 2) throw new CliError(`servono due piani (ricevuti ${positionals.length}). ${USAGE}`);
  const [oldFile, newFile] = positionals;
  const old = await planOf(oldFile, io);
  const revised = await planOf(newFile, io);
  const match = matchPlans(old, revised);
  const n = match.changes.length;
  io.out(`${oldFile} → ${newFile}: ${n === 1 ? "1 modifica" : `${n} modifiche`}\n`);
  io.out(changeLines(match.changes, flags.has("all") ? Infinity : undefined));
  if (match.proposals.length > 0) {
    io.out(
      `Corrispondenze proposte (pira build --from le accetta, --no-similar le rifiuta; finché non accettate contano come eliminato + aggiunto):\n`,
    );
    for (const p of match.proposals)
      io.out(
        `  - ${p.oldId} → ${p.newId} (${p.reason === "similar" ? "nome simile" : "nome ripetuto"}, ${Math.round(p.confidence * 100)}%)\n`,
      );
  }
  return 0;
}
