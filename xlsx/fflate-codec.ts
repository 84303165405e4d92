import { Inflate, deflateSync } from "fflate";
import { crc32 } from "./crc32.js";
import type { DeflateCodec } from "./zip.js";

const CHUNK = 64 * 1024;

/** fflate for a browser (the task pane): streamed inflate that stops as soon as the output passes its bound. */
export const fflateCodec: DeflateCodec = {
  inflateRaw(data, maxBytes) {
    const pieces: Uint8Array[] = [];
    let length = 0;
    const inflate = new Inflate((chunk) => {
      length += chunk.length;
      if (length > maxBytes) throw new RangeError("inflated data exceeds its bound");
      pieces.push(chunk);
    });
    for (let p = 0; p < data.length; p += CHUNK) inflate.push(data.subarray(p, Math.min(data.length, p + CHUNK)), p + CHUNK >= data.length);
    if (data.length === 0) inflate.push(data, true);
    if (pieces.length === 1) return pieces[0]!;
    const out = new Uint8Array(length);
    let at = 0;
    for (const piece of pieces) {
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  },
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32,
};
