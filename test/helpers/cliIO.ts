// An in-memory CliIO: commands run in-process, files come from disk unless given here.
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIO } from "../../src/cli/io";

export interface CapturedIO extends CliIO {
  stdout: () => string;
  stderr: () => string;
  written: Map<string, Buffer | string>;
}

export function captureIO(files: Record<string, string | Buffer> = {}, cwd = process.cwd()): CapturedIO {
  let out = "";
  let err = "";
  const written = new Map<string, Buffer | string>();
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readFile: (p) => {
      if (p in files) return Buffer.from(files[p]);
      if (written.has(p)) return Buffer.from(written.get(p)!);
      return fs.readFileSync(path.resolve(cwd, p));
    },
    writeFile: (p, d) => {
      written.set(p, d);
    },
    cwd,
    stdout: () => out,
    stderr: () => err,
    written,
  };
}
