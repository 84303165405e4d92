import { decodeUtf8 } from "../shared/cells/utf8.js";

/*
 * UTF-8 for the package's names and parts: the platform's TextDecoder and TextEncoder where there
 * are (Node, browsers), the core's own decoder and a plain encoder in Apps Script, which has neither.
 */
const platform = globalThis as {
  readonly TextDecoder?: new (label: string) => { decode(bytes: Uint8Array): string };
  readonly TextEncoder?: new () => { encode(text: string): Uint8Array };
};
const decoder = platform.TextDecoder === undefined ? undefined : new platform.TextDecoder("utf-8");
const encoder = platform.TextEncoder === undefined ? undefined : new platform.TextEncoder();

export function utf8Text(bytes: Uint8Array): string {
  return decoder ? decoder.decode(bytes) : decodeUtf8(bytes, 0, bytes.length);
}

export function utf8Bytes(text: string): Uint8Array {
  return encoder ? encoder.encode(text) : plainUtf8Bytes(text);
}

/** What TextEncoder gives, without it. */
export function plainUtf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    // A lone surrogate is written as U+FFFD, as TextEncoder does.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
