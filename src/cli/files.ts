// The CLI's files: the real file system behind CliIO, and reading and writing with one Italian
// line for every failure ("non esiste", "è una cartella", "troppo grande"), never a stack trace.
// Every file is written atomically (temporary file beside the target, fsync, rename): a full disk,
// a permission error or a crash midway leaves the previous file byte for byte as it was.
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { CliError, type CliIO, type FileInfo } from "./io";
import { megabytes, SIZE_LIMITS, type InputKind } from "./limits";

/** The file-system calls an atomic write makes, injectable so a test can fail any of them. */
export interface FileOps {
  mkdirp(dir: string): void;
  /** The permission bits of the file there now, null when there is none. */
  modeOf(file: string): number | null;
  /** Creates a new file (fails if it exists) with permissions `mode` (default ones when null), returns its descriptor. */
  createExclusive(file: string, mode: number | null): number;
  /** Writes from `data[offset…offset+length)`, returns how many bytes were written (maybe fewer). */
  write(fd: number, data: Buffer, offset: number, length: number): number;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  unlink(file: string): void;
  /** Makes the rename durable; best effort (not every file system can sync a folder). */
  syncDir(dir: string): void;
}

export const nodeFileOps: FileOps = {
  mkdirp: (dir) => fs.mkdirSync(dir, { recursive: true }),
  modeOf: (file) => {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    return s === undefined ? null : s.mode & 0o7777;
  },
  createExclusive: (file, mode) => {
    const fd = fs.openSync(file, "wx", 0o666);
    // Exactly the old file's permissions (openSync's mode is narrowed by the umask): a private workbook stays private.
    if (mode !== null) fs.fchmodSync(fd, mode);
    return fd;
  },
  write: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsync: (fd) => fs.fsyncSync(fd),
  close: (fd) => fs.closeSync(fd),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (file) => fs.unlinkSync(file),
  syncDir: (dir) => {
    try {
      const fd = fs.openSync(dir, "r");
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // A folder that cannot be opened or synced: the data itself is already on disk.
    }
  },
};

/** The temporary file beside `target`: same folder (so the rename is atomic), a name no one else uses. */
export function temporaryPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
}

/**
 * Writes `data` to `target` through a temporary file beside it, synced and renamed into place; on
 * any failure the temporary file is removed and the error rethrown, the old `target` untouched.
 */
export function writeFileAtomically(target: string, data: Buffer, ops: FileOps = nodeFileOps): void {
  const dir = path.dirname(target);
  ops.mkdirp(dir);
  const temp = temporaryPathFor(target);
  const fd = ops.createExclusive(temp, ops.modeOf(target));
  let open = true;
  try {
    for (let done = 0; done < data.length;) done += ops.write(fd, data, done, data.length - done);
    ops.fsync(fd);
    open = false;
    ops.close(fd);
    ops.rename(temp, target);
  } catch (e) {
    if (open) {
      try {
        ops.close(fd);
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    try {
      ops.unlink(temp);
    } catch {
      // Nothing more can be done; the error below says the write failed.
    }
    throw e;
  }
  ops.syncDir(dir);
}

/** The canonical path of `file`, symlinks resolved as far as the path exists. */
function canonicalPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(canonicalPath(parent), path.basename(absolute));
  }
}

export function nodeIO(ops: FileOps = nodeFileOps): CliIO {
  const resolve = (p: string) => path.resolve(process.cwd(), p);
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: (p) => fs.readFileSync(resolve(p)),
    readHead: (p, length) => {
      const fd = fs.openSync(resolve(p), "r");
      try {
        const head = Buffer.alloc(length);
        return head.subarray(0, fs.readSync(fd, head, 0, length, 0));
      } finally {
        fs.closeSync(fd);
      }
    },
    // Through the symlink: a link to the workbook keeps pointing at the new one.
    writeFile: (p, d) =>
      writeFileAtomically(canonicalPath(resolve(p)), typeof d === "string" ? Buffer.from(d) : d, ops),
    stat: (p): FileInfo | null => {
      let s: fs.Stats | undefined;
      try {
        s = fs.statSync(resolve(p), { throwIfNoEntry: false });
      } catch (e) {
        // "a/b" where a is a file: nothing can be at b.
        if (errnoCode(e) === "ENOTDIR") return null;
        throw e;
      }
      return s === undefined ? null : { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    },
    realpath: (p) => canonicalPath(resolve(p)),
    cwd: process.cwd(),
  };
}

function errnoCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | null)?.code ?? "";
}

/**
 * Reads an input file, or fails with `${what} "${file}" non esiste.` (or why else it cannot). The size
 * is checked first against the limit of its kind (src/cli/limits.ts), before any byte is read.
 */
export function readInputFile(file: string, io: CliIO, what: string, kind: InputKind): Buffer {
  let info: FileInfo | null;
  try {
    info = io.stat(file);
  } catch {
    throw new CliError(`${what} "${file}" non si può leggere.`);
  }
  if (info === null) throw new CliError(`${what} "${file}" non esiste.`);
  if (info.isDirectory) throw new CliError(`${what} "${file}" è una cartella.`);
  const limit = SIZE_LIMITS[kind];
  if (info.size > limit.bytes) {
    throw new CliError(
      `${what} "${file}" è troppo grande (${megabytes(info.size)} MB; per ${limit.label} il massimo è ${megabytes(limit.bytes)} MB).`,
    );
  }
  try {
    return io.readFile(file);
  } catch (e) {
    const code = errnoCode(e);
    const why = code === "ENOENT" ? "non esiste" : code === "EISDIR" ? "è una cartella" : "non si può leggere";
    throw new CliError(`${what} "${file}" ${why}.`);
  }
}

/** Why a write failed, in Italian, for the codes a user can act on. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: "disco pieno",
  EDQUOT: "spazio su disco esaurito",
  EACCES: "permesso negato",
  EPERM: "permesso negato",
  EROFS: "disco di sola lettura",
  EISDIR: "è una cartella",
};

/** Writes an output file whole, or fails with one Italian line; a file already there stays as it was. */
export function writeOutputFile(file: string, data: Buffer | string, io: CliIO): void {
  if (io.stat(file)?.isDirectory) throw new CliError(`impossibile scrivere "${file}": è una cartella.`);
  try {
    io.writeFile(file, data);
  } catch (e) {
    const code = errnoCode(e);
    const why = WRITE_FAILURES[code];
    throw new CliError(
      `impossibile scrivere "${file}"${code ? ` (${code})` : ""}` + (why ? `: ${why}; nessun file modificato.` : "."),
    );
  }
}
