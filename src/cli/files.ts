// The CLI's files: the real file system behind CliIO, and reading and writing with one Italian
// line for every failure ("non esiste", "è una cartella"), never a stack trace.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError, type CliIO } from "./io";

export function nodeIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: (p) => fs.readFileSync(path.resolve(process.cwd(), p)),
    writeFile: (p, d) => {
      const target = path.resolve(process.cwd(), p);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // A temporary file renamed over the target: a failed write never leaves half a file, and
      // `pira build -o X --from X` replaces X only once the new workbook is complete.
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      try {
        fs.writeFileSync(temporary, d);
        fs.renameSync(temporary, target);
      } catch (e) {
        fs.rmSync(temporary, { force: true });
        throw e;
      }
    },
    cwd: process.cwd(),
  };
}

/** Reads an input file, or fails with `${what} "${file}" non esiste.` (or why else it cannot). */
export function readInputFile(file: string, io: CliIO, what: string): Buffer {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "non esiste" : code === "EISDIR" ? "è una cartella" : "non si può leggere";
    throw new CliError(`${what} "${file}" ${why}.`);
  }
}

/** Writes an output file, or fails with one Italian line. */
export function writeOutputFile(file: string, data: Buffer | string, io: CliIO): void {
  try {
    io.writeFile(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new CliError(`impossibile scrivere "${file}"${code ? ` (${code})` : ""}.`);
  }
}
