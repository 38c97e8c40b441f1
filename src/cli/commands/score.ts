// `pira score TARGET ACTUAL [--mode M]`: the score of one indicator, as PIRA.SCORE gives it.
import { parseActualText } from "../../domain/actual";
import { ScoreError, scoreTarget, scoringModeOf, targetOf } from "../../domain/score";
import type { ScoringMode } from "../../domain/settings";
import { CliError, type CliIO } from "../io";

const USAGE =
  'Uso: pira score TARGET CONSUNTIVO [--mode proporzionale|binario|lineare], ad es. pira score ">= 13 N." 6,5';

interface ScoreArgs {
  target: string;
  actual: string;
  mode: ScoringMode;
}

function parseArgs(args: string[]): ScoreArgs {
  const positional: string[] = [];
  let modeText: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "--mode" || arg === "-m") {
      if (i + 1 >= args.length) throw new CliError(`manca il valore di ${arg}. ${USAGE}`);
      modeText = args[++i];
    } else if (arg.startsWith("--mode=")) {
      modeText = arg.slice("--mode=".length);
    } else if (/^--?[a-zA-Z]/.test(arg)) {
      // Negative numbers ("-5") are actuals, not options.
      throw new CliError(`opzione sconosciuta "${arg}". ${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) {
    throw new CliError(`servono TARGET e CONSUNTIVO (ricevuti ${positional.length} argomenti). ${USAGE}`);
  }
  if (modeText !== undefined && modeText.trim() === "") throw new CliError(`metodo vuoto. ${USAGE}`);
  return { target: positional[0], actual: positional[1], mode: scoringModeOf(modeText) };
}

export async function scoreCommand(args: string[], io: CliIO): Promise<number> {
  try {
    const { target, actual, mode } = parseArgs(args);
    const score = scoreTarget(targetOf(target), parseActualText(actual), mode);
    // JS's shortest round-trip form: 0.5, 0.75, 0, 1; an empty line when there is no actual.
    io.out((score === null ? "" : String(score)) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof ScoreError) throw new CliError(e.message);
    throw e;
  }
}
