// What a CLI command needs from the outside world, injected so commands are testable in-process.
import type { OptionsSpec, ParsedArgs } from "./args";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  writeFile(path: string, data: Buffer | string): void;
  cwd: string;
}

/** A user error: the CLI prints its Italian message on one line and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * One `pira` command, as the registry in main.ts lists it: the help is built from `usage` and
 * `summary`, and `run` receives the arguments already checked against `options`.
 */
export interface CliCommand {
  name: string;
  /** "pira build FILE -o OUT.xlsx …": in `pira --help` and after every argument error ("Uso: …"). */
  usage: string;
  summary: string;
  options: OptionsSpec;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
