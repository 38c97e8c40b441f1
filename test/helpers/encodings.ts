// A text as other editors save it: Windows-1252 ("ANSI" in Notepad) and UTF-16 with a byte-order
// mark ("Unicode"), to check that decoding gives the text back.

/** Windows-1252's 0x80–0x9F block as Microsoft's table gives it ("€" is 0x80; 0x81, 0x8D, 0x8F, 0x90, 0x9D unused). */
const HIGH_1252 = new Map(
  [..."€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"].map((c, i) => [c, 0x80 + i] as const),
);

export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const byte = HIGH_1252.get(c) ?? c.charCodeAt(0);
    if (byte > 0xff) throw new Error(`«${c}» has no Windows-1252 byte`);
    return byte;
  });
}

export function utf16le(text: string): Uint8Array {
  return Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

export function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  return Uint8Array.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
}
