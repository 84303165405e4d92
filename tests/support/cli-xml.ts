import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";

/**
 * The raw parts of an .xlsx (a zip of XML files), read and rewritten with the zip library ExcelJS
 * itself depends on: to look at what was really written, and to craft hostile workbooks.
 */

/** XML text or attribute value as the characters it stands for (the five predefined entities). */
export const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
}

/** The XML of the worksheet named `sheet`, found through workbook.xml and its relationships. */
export async function worksheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await part(zip, "xl/workbook.xml");
  const rels = await part(zip, "xl/_rels/workbook.xml.rels");
  const tag = (workbook.match(/<sheet\s[^>]*\/>/g) ?? []).find((t) => attribute(t, "name") === sheet);
  const id = tag && attribute(tag, "r:id");
  if (!id) throw new Error(`no sheet ${sheet} in ${file}`);
  const rel = (rels.match(/<Relationship\s[^>]*\/>/g) ?? []).find((t) => attribute(t, "Id") === id);
  const target = rel && attribute(rel, "Target");
  if (!target) throw new Error(`no relationship ${id} in ${file}`);
  return part(zip, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** Formula elements (`<f>…</f>` or `<f/>`) in a worksheet's XML. */
export function formulaElements(xml: string): string[] {
  return xml.match(/<f[\s>/][^]*?(?:<\/f>|\/>)/g) ?? [];
}

/**
 * Adds defined names to a workbook file. ExcelJS 4.4 files defined names in plain objects keyed
 * by their sheet, so a name on the sheet `'__proto__'` is a prototype-pollution attempt.
 */
export async function addDefinedNames(file: string, names: readonly { readonly name: string; readonly ref: string }[]): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await part(zip, "xl/workbook.xml");
  const xml = names.map((n) => `<definedName name="${n.name}">${n.ref}</definedName>`).join("");
  const patched = workbook.includes("<definedNames>") ? workbook.replace("<definedNames>", `<definedNames>${xml}`) : workbook.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`);
  if (patched === workbook) throw new Error(`could not add defined names to ${file}`);
  zip.file("xl/workbook.xml", patched);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}
