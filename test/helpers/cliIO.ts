// An in-memory CliIO: commands run in-process, files come from disk unless given here; what they
// write is kept in `written` (and read back from there), never put on disk.
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIO, FileInfo } from "../../src/cli/io";

export interface CapturedIO extends CliIO {
  stdout: () => string;
  stderr: () => string;
  written: Map<string, Buffer | string>;
}

export function captureIO(files: Record<string, string | Buffer> = {}, cwd = process.cwd()): CapturedIO {
  let out = "";
  let err = "";
  const written = new Map<string, Buffer | string>();
  const inMemory = (p: string): Buffer | undefined =>
    written.has(p) ? Buffer.from(written.get(p)!) : p in files ? Buffer.from(files[p]) : undefined;
  const readFile = (p: string): Buffer => inMemory(p) ?? fs.readFileSync(path.resolve(cwd, p));
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readFile,
    readHead: (p, length) => readFile(p).subarray(0, length),
    writeFile: (p, d) => {
      written.set(p, d);
    },
    stat: (p): FileInfo | null => {
      const data = inMemory(p);
      if (data !== undefined) return { size: data.length, isFile: true, isDirectory: false };
      const s = fs.statSync(path.resolve(cwd, p), { throwIfNoEntry: false });
      return s === undefined ? null : { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    },
    realpath: (p) => {
      const absolute = path.resolve(cwd, p);
      return fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute;
    },
    cwd,
    stdout: () => out,
    stderr: () => err,
    written,
  };
}
