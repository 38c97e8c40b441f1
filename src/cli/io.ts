// What a CLI command needs from the outside world, injected so commands are testable in-process.
import type { OptionsSpec, ParsedArgs } from "./args";

/** What is at a path, as the CLI's checks need it. */
export interface FileInfo {
  size: number;
  isFile: boolean;
  isDirectory: boolean;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  /** The first `length` bytes (fewer for a shorter file), to tell a file's kind without reading it whole. */
  readHead(path: string, length: number): Buffer;
  /**
   * Replaces or creates the file whole: a failure leaves the previous file as it was (nodeIO writes a
   * temporary file beside it, syncs it to disk and renames it into place).
   */
  writeFile(path: string, data: Buffer | string): void;
  /** What is at `path`, following symlinks; null when nothing is. */
  stat(path: string): FileInfo | null;
  /** The canonical absolute path, symlinks resolved (for a path not yet existing, as far as it exists). */
  realpath(path: string): string;
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
