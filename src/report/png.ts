// A minimal PNG encoder (8-bit RGB or RGBA, no filtering) for the report's chart image (Word and
// LibreOffice Writer need PNG or JPEG bytes, and a bar chart is a few flat rectangles) and the
// add-in's icons (scripts/make-icons.ts).
import { deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** PNG bytes of an RGB image (3 bytes per pixel, row by row), or RGBA with `alpha` (4, straight alpha). */
export function encodePng(
  width: number,
  height: number,
  pixels: Uint8Array,
  options: { alpha?: boolean; level?: number } = {},
): Buffer {
  const channels = options.alpha ? 4 : 3;
  if (pixels.length !== width * height * channels)
    throw new Error(`Immagine di ${pixels.length} byte invece di ${width * height * channels}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = options.alpha ? 6 : 2; // colour type: RGBA or RGB
  // Compression, filter and interlace methods: 0.
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const level = options.level === undefined ? {} : { level: options.level };
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, level)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
