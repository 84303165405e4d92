import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { unescapeXml } from "./cli-xml.js";

/** Reads a .docx back: its XML parts, paragraphs as text, and table rows as cell texts. */

export interface DocxText {
  readonly documentXml: string;
  readonly stylesXml: string;
  /** Every paragraph's text, in order (table cells included). */
  readonly paragraphs: readonly string[];
  /** Every table row, as the text of each cell. */
  readonly rows: readonly (readonly string[])[];
}

function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(""));
}

export async function readDocx(data: Buffer | string): Promise<DocxText> {
  const zip = await JSZip.loadAsync(typeof data === "string" ? readFileSync(data) : data);
  const part = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from the .docx`);
    return f.async("string");
  };
  const documentXml = await part("word/document.xml");
  const stylesXml = await part("word/styles.xml");
  const rows = [...documentXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphTexts(tc[0]).join("\n")));
  return { documentXml, stylesXml, paragraphs: paragraphTexts(documentXml), rows };
}

/** The value of attribute `attr` of the first `<tag …>` element. */
export function attribute(xml: string, tag: string, attr: string): string | undefined {
  const el = new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];
  return el === undefined ? undefined : new RegExp(`\\b${attr}="([^"]*)"`).exec(el)?.[1];
}
