// Documents that are no readable cruscotto get one clear Italian line, never a crash or a hang:
// a scan without text, an encrypted, cut or damaged PDF, another document, a Word file without
// tables, a file over the size limit (the bad documents are made by scripts/make-renditions.ts).
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import { MAX_SOURCE_BYTES, readSource, SourceError, type SourceReaders } from "../../src/domain/sources/document";
import { ROOT, sourceTexts } from "../helpers/sourceText";

const BAD = "test/fixtures/bad-documents";

const refused: [string, RegExp][] = [
  ["scansione.pdf", /^il PDF non contiene testo: è una scansione\?/],
  ["cifrato.pdf", /^il PDF è protetto da password \(cifrato\)/],
  ["troncato.pdf", /^il PDF è incompleto o danneggiato/],
  ["danneggiato.pdf", /^il PDF è danneggiato o non è un PDF valido\.$/],
  ["senza-tabelle.docx", /^il documento Word non contiene tabelle/],
];

const results = sourceTexts([...refused.map(([f]) => `${BAD}/${f}`), `${BAD}/altro-documento.pdf`]);

describe.each(refused)("%s", (file, message) => {
  it("is refused with one Italian line", () => {
    const result = results.get(`${BAD}/${file}`)!;
    expect("error" in result ? result.error : "read").toMatch(message);
    expect("error" in result && result.error.split("\n")).toHaveLength(1);
  });
});

it("a PDF of another document is read, and no objective is found in it", () => {
  const result = results.get(`${BAD}/altro-documento.pdf`)!;
  if ("error" in result) throw new Error(result.error);
  expect(result.summary).toBe("PDF, 1 pagina");
  expect(readCruscotto(result.text).objectives).toEqual([]);
});

describe("pira parse on bad documents", () => {
  const pira = (file: string): { status: number; stderr: string } => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, "bin/pira.js"), "parse", file], { cwd: ROOT, stdio: "pipe" });
      return { status: 0, stderr: "" };
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      return { status: e.status, stderr: e.stderr.toString("utf8") };
    }
  };

  it.each([
    ["scansione.pdf", /^pira parse: il file "[^"]+scansione.pdf": il PDF non contiene testo: è una scansione\?/],
    ["altro-documento.pdf", /non sembra un cruscotto obiettivi strategici PIRA: nessun obiettivo trovato\.$/],
  ])("%s: exit 2 and one line", (file, message) => {
    const { status, stderr } = pira(`${BAD}/${file}`);
    expect(status).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });
});

describe("limits and kinds, before any library is asked", () => {
  const untouched: SourceReaders = {
    pdfItems: () => Promise.reject(new Error("pdf.js asked")),
    docxHtml: () => Promise.reject(new Error("mammoth asked")),
  };
  const refusal = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readSource(bytes, untouched);
      return "read";
    } catch (error) {
      return error instanceof SourceError ? error.message : `crash: ${String(error)}`;
    }
  };

  it("refuses a file over the size limit, saying the limit", async () => {
    expect(await refusal(new Uint8Array(MAX_SOURCE_BYTES + 1))).toBe(
      "il file è troppo grande (20,0 MB; il massimo è 20 MB).",
    );
  });

  it.each<[string, Uint8Array, string]>([
    ["an empty file", new Uint8Array(0), "il file è vuoto."],
    [
      "a zip that is no Word file",
      Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]),
      "il file è un archivio zip ma non un documento Word (.docx).",
    ],
    [
      "binary bytes",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      "il file non è un testo, un PDF o un documento Word (sembra un file binario).",
    ],
  ])("refuses %s", async (_what, bytes, message) => {
    expect(await refusal(bytes)).toBe(message);
  });
});
