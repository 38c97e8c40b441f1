// `pira score TARGET ACTUAL [--mode M]`: the score of one indicator, as PIRA.SCORE gives it.
import { parseActualFor } from "../../domain/actual";
import { ScoreError, scoreTarget, scoringModeOf, targetOf } from "../../domain/score";
import type { ScoringMode } from "../../domain/settings";
import type { OptionsSpec, ParsedArgs } from "../args";
import { CliError, type CliIO } from "../io";

export const name = "score";
export const usage = "pira score TARGET CONSUNTIVO [--mode proporzionale|binario|lineare]";
export const summary =
  'grado di raggiungimento (0..1) di un consuntivo rispetto al target, ad es. pira score ">= 13 N." 6,5';
export const options: OptionsSpec = { mode: { names: ["--mode", "-m"], allowEmpty: true } };
const USAGE = `Uso: ${usage}`;

interface ScoreArgs {
  target: string;
  actual: string;
  mode: ScoringMode;
}

function scoreArgsOf({ options, positionals }: ParsedArgs): ScoreArgs {
  if (positionals.length !== 2) {
    throw new CliError(`servono TARGET e CONSUNTIVO (ricevuti ${positionals.length} argomenti). ${USAGE}`);
  }
  const modeText = options.mode;
  if (modeText !== undefined && modeText.trim() === "") throw new CliError(`metodo vuoto. ${USAGE}`);
  return { target: positionals[0], actual: positionals[1], mode: scoringModeOf(modeText) };
}

export async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  try {
    const { target, actual, mode } = scoreArgsOf(args);
    const parsed = targetOf(target);
    // The actual must fit the target as typed (a date only for a deadline, "82%" for a percent).
    const score = scoreTarget(parsed, parseActualFor(parsed, actual), mode);
    // JS's shortest round-trip form: 0.5, 0.75, 0, 1; an empty line when there is no actual.
    io.out((score === null ? "" : String(score)) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof ScoreError) throw new CliError(e.message);
    throw e;
  }
}
