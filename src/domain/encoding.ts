// The one place bytes become text, for the CLI and the task pane alike: documents come as UTF-8,
// as "ANSI" from Windows Notepad (Windows-1252) or as "Unicode" (UTF-16 with a byte-order mark).
// Pure: TextDecoder exists in Node and in browsers, reached through globalThis so the domain's
// type check needs no DOM or Node library; Windows-1252 is decoded by hand (see HIGH_1252).

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  /** The text, byte-order mark removed. */
  text: string;
  encoding: TextEncodingName;
}

/** How the encodings are called in messages. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1). Decoded here, not by
 * TextDecoder: Node 20's "windows-1252" decoder gives these bytes as Latin-1 control characters,
 * and "€" (0x80) would be lost.
 */
const HIGH_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (b) =>
      b >= 0x80 && b <= 0x9f ? HIGH_1252.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decoder(encoding: Exclude<TextEncodingName, "windows-1252">, fatal = false): Decoder {
  const ctor = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;
  // ignoreBOM: the mark is removed below, once, whatever the encoding.
  return new ctor(encoding, { fatal, ignoreBOM: true });
}

/** UTF-16 without a mark: text in Latin letters has a zero in every other byte. */
function utf16WithoutMark(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(Math.floor(bytes.length / 2), 4096);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

function detect(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return utf16;
  try {
    decoder("utf-8", true).decode(bytes);
    return "utf-8";
  } catch {
    // Not valid UTF-8: a file saved as "ANSI", where every byte is a character.
    return "windows-1252";
  }
}

/** The text of a document's bytes and the encoding it was read with. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = detect(bytes);
  const decoded = encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder(encoding).decode(bytes);
  const text = decoded.replace(/^\uFEFF/, "");
  return { text, encoding };
}

/**
 * A zero byte outside UTF-16, or control characters and undecodable bytes in the first 8 KB: a
 * binary file, not a text.
 */
export function looksBinary(bytes: Uint8Array, { text, encoding }: DecodedText): boolean {
  if (!encoding.startsWith("utf-16") && bytes.subarray(0, 8192).includes(0)) return true;
  const head = text.slice(0, 8192);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0xfffd) odd++;
  }
  return odd > Math.max(4, head.length / 50);
}
