/**
 * The little XML this package needs: escaping, the five predefined entities and character
 * references, attributes of one tag. No DTD is ever read: a part that declares one is refused
 * (`hasDoctype`), so no entity can expand.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the predefined entities and numeric character references; anything else is kept as written. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref]! : whole;
  });
}

/**
 * OOXML writes characters XML cannot hold as `_xHHHH_` (ST_Xstring); a literal `_x…_` in the text is
 * itself escaped as `_x005F_x…_`.
 */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Characters XML 1.0 cannot hold: C0 controls other than tab, newline and return, U+FFFE/F, and
// surrogates that are not in a pair (a pair is matched first and kept).
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML cannot hold
const XML_INVALID = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;

export function encodeOoxmlText(text: string): string {
  let out = text.indexOf("_x") < 0 ? text : text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  out = out.replace(XML_INVALID, (c) => (c.length === 2 ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
  return escapeXml(out);
}

/** The attributes of one start tag (`<x a="1" b='2'>`), values decoded. Keys are stored without inheritance. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** One attribute of a tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  return attributes(tag).get(name);
}

/** A DOCTYPE may declare entities; no part of a package needs one. */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml);
}

/** The namespace prefix of the root element (`x` in `<x:worksheet …>`), or "". */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The start tag of the root element named `localName` (any prefix), or undefined. */
export function rootTag(xml: string, localName: string): string | undefined {
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?:\\s[^>]*)?>`).exec(xml);
  return m?.[0];
}

/** The prefix bound to a namespace URI in a tag's declarations (`r` for `xmlns:r="…"`), or undefined. */
export function prefixOf(tag: string, uri: string): string | undefined {
  for (const [name, value] of attributes(tag)) if (value === uri && name.startsWith("xmlns:")) return name.slice(6);
  return undefined;
}

/** Every start or empty tag named `localName` (with the document's prefix `p`), in order. */
export function tagsNamed(xml: string, p: string, localName: string): string[] {
  const name = p ? `${p}:${localName}` : localName;
  return xml.match(new RegExp(`<${name}(?:\\s[^>]*)?/?>`, "g")) ?? [];
}

export function qualified(p: string, localName: string): string {
  return p ? `${p}:${localName}` : localName;
}
