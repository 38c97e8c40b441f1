// What a CLI command needs from the outside world, injected so commands are testable in-process.

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

export type Command = (args: string[], io: CliIO) => Promise<number>;
