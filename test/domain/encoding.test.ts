// Bytes become text in one place: the sample saved as UTF-8, Windows-1252 and UTF-16 (both byte
// orders) reads as the same plan, and a text that was not UTF-8 says which encoding was used.
import { decodeText } from "../../src/domain/encoding";
import { readCruscotto, readCruscottoBytes } from "../../src/domain/reader";
import { utf16be, utf16le, windows1252 } from "../helpers/encodings";
import { sampleText } from "../helpers/sample";

// "≥" has no Windows-1252 byte (Notepad would save "?"): the sample writes ">=" elsewhere too.
const sample = sampleText().replace(/≥/g, ">=");
const base = readCruscotto(sample);

const SAVED: [string, (t: string) => Uint8Array, string, string | null][] = [
  ["UTF-8", (t) => new TextEncoder().encode(t), "utf-8", null],
  ["UTF-8 with a byte-order mark", (t) => new TextEncoder().encode("\uFEFF" + t), "utf-8", null],
  ["Windows-1252", windows1252, "windows-1252", "Windows-1252"],
  ["UTF-16 LE with a byte-order mark", utf16le, "utf-16le", "UTF-16 LE"],
  ["UTF-16 BE with a byte-order mark", utf16be, "utf-16be", "UTF-16 BE"],
  ["UTF-16 LE without a mark", (t) => utf16le(t).subarray(2), "utf-16le", "UTF-16 LE"],
];

describe("decodeText", () => {
  it.each(SAVED)("the sample saved as %s decodes to its text", (_name, save, encoding) => {
    expect(decodeText(save(sample))).toEqual({ text: sample, encoding });
  });

  it.each(SAVED)("the sample saved as %s reads as the same plan", (_name, save, _encoding, label) => {
    const { plan } = readCruscottoBytes(save(sample));
    expect(plan.objectives).toEqual(base.objectives);
    expect(plan.areas).toEqual(base.areas);
    const info = plan.diagnostics.filter((d) => d.code === "text-encoding");
    expect(plan.diagnostics.filter((d) => d.code !== "text-encoding")).toEqual(base.diagnostics);
    if (label === null) expect(info).toEqual([]);
    else {
      expect(info).toHaveLength(1);
      expect(info[0]).toMatchObject({ line: 0, severity: "info", params: { encoding: label } });
      expect(info[0].message).toContain(label);
    }
  });

  it("keeps every accented letter and the euro sign of a Windows-1252 file", () => {
    const text = "Capacità, qualità, perché, così, più: 1.000,00 € – «sì»";
    expect(decodeText(windows1252(text))).toEqual({ text, encoding: "windows-1252" });
  });

  it("reads an ASCII-only text as UTF-8, and a short or empty one too", () => {
    expect(decodeText(new TextEncoder().encode("Target 2023"))).toEqual({ text: "Target 2023", encoding: "utf-8" });
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
    expect(decodeText(Uint8Array.from([0xe0]))).toEqual({ text: "à", encoding: "windows-1252" });
  });
});
