// One argument parser for every `pira` command: each command declares its options, the parser
// refuses the rest with one Italian line (exit 2) naming the option and the command's usage.
import { CliError } from "./io";

export interface OptionSpec {
  /** Every spelling, first is the one the usage shows: ["-o", "--out"]. */
  names: readonly string[];
  /** false for a flag (no value); true (default) for an option that takes one. */
  takesValue?: boolean;
  /** An explicitly empty value (`--mode=`) reaches the command, which says what is wrong with it. */
  allowEmpty?: boolean;
}

/** The options of a command by key: the key is what `ParsedArgs.options`/`flags` use. */
export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  options: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Is `arg` written as an option? "-" (stdin) and negative numbers ("-5", "-0,5", "-.5") are values:
 * `pira score "<= -10 N." -12` must not read -12 as an option.
 */
function looksLikeOption(arg: string): boolean {
  return arg.length > 1 && arg.startsWith("-") && !/^-[\d.,]/.test(arg);
}

/**
 * Parses `args` against `spec`. Options may come anywhere, as `--name value`, `--name=value` or
 * `-o value`; `--` ends the options. Unknown, repeated and value-less options are refused with
 * `usage` ("Uso: …") appended.
 */
export function parseArgs(args: readonly string[], spec: OptionsSpec, usage: string): ParsedArgs {
  const byName = new Map<string, [string, OptionSpec]>();
  for (const [key, option] of Object.entries(spec)) for (const name of option.names) byName.set(name, [key, option]);
  const parsed: ParsedArgs = { options: {}, flags: new Set(), positionals: [] };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!looksLikeOption(arg)) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const found = byName.get(name);
    if (found === undefined) throw new CliError(`opzione sconosciuta "${arg}". ${usage}`);
    const [key, option] = found;
    if (seen.has(key)) throw new CliError(`${name} indicato due volte. ${usage}`);
    seen.add(key);
    if (option.takesValue === false) {
      if (name !== arg) throw new CliError(`${name} non vuole un valore. ${usage}`);
      parsed.flags.add(key);
      continue;
    }
    let value: string | undefined;
    if (name !== arg) value = arg.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    const explicitEmpty = name !== arg && option.allowEmpty === true;
    if (value === undefined || (value.trim() === "" && !explicitEmpty)) {
      throw new CliError(`manca il valore di ${name}. ${usage}`);
    }
    parsed.options[key] = value;
  }
  return parsed;
}
