import zlib from "node:zlib";
import type { DeflateCodec } from "../xlsx/zip.js";

/** Node's own zlib for the workbook's zip: native inflate and deflate, bounded output. */
export const zlibCodec: DeflateCodec = {
  inflateRaw: (data, maxBytes) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }),
  // Level 6, zlib's and Excel's default: level 1 saves little time here and writes larger files.
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  crc32: (data) => zlib.crc32(data),
};
