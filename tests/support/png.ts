import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/** A minimal PNG reader for test assertions: 8-bit greyscale, RGB or RGBA, not interlaced (what pdftoppm writes). */

export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  /** Unfiltered pixel bytes, row by row. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = "89504e470d0a1a0a";
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function readPng(file: string): PngImage {
  const data = readFileSync(file);
  if (data.subarray(0, 8).toString("hex") !== SIGNATURE) throw new Error(`${file} is not a PNG`);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let p = 8; p + 8 <= data.length;) {
    const length = data.readUInt32BE(p);
    const type = data.toString("latin1", p + 4, p + 8);
    const body = data.subarray(p + 8, p + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8]!;
      channels = CHANNELS[body[9]!] ?? 0;
      if (depth !== 8 || channels === 0 || body[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${body[9]}, interlace ${body[12]})`);
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0;
      const b = y > 0 ? pixels[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[row + x] = (v + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Share of pixels darker than light grey (anti-aliased text counts) (text, rules, table borders). */
export function inkRatio(img: PngImage): number {
  let dark = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const o = i * img.channels;
    const grey = img.channels >= 3 ? (img.pixels[o]! + img.pixels[o + 1]! + img.pixels[o + 2]!) / 3 : img.pixels[o]!;
    if (grey < 160) dark++;
  }
  return dark / n;
}
