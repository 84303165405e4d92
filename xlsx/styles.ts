import { attribute, escapeXml, qualified, rootPrefix, rootTag } from "./xml.js";

/** How a cell thidua writes should look; each distinct look is one cell format (`xf`) in styles.xml. */
export interface CellLook {
  readonly bold?: boolean;
  /** ARGB font colour. */
  readonly color?: string;
  /** ARGB solid fill. */
  readonly fill?: string;
  readonly borderBottom?: boolean;
  /** Thin borders all round (table cells). */
  readonly borderAll?: boolean;
  readonly wrap?: boolean;
  readonly vcenter?: boolean;
  readonly numFmt?: string;
  readonly unlocked?: boolean;
}

export const STYLES_XML_MINIMAL = (ns: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Built-in number formats every spreadsheet knows by id (ECMA-376 §18.8.30); dates among them. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quoted text, escapes and [colour] parts. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "")
    .replace(/General/gi, "");
  // Only the first section decides (positive numbers); "_x" and "*x" are spacing, not letters.
  const first = (bare.split(";")[0] ?? "").replace(/[_*]./g, "");
  return /[dmyhs]/i.test(first) && !/^[#0.,%\sE+-]*$/i.test(first);
}

const CONTAINERS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Container = (typeof CONTAINERS)[number];

/**
 * styles.xml, read for what the cells mean (which formats are dates) and extended with the looks
 * thidua needs. An existing identical font, fill, border, number format or cell format is reused,
 * so a ledger tallied again does not grow its styles; nothing already there is changed.
 */
export class StyleBook {
  private xml: string;
  private readonly p: string;
  private changed = false;
  private readonly looks = new Map<string, number>();
  /** Per cell format index: does its number format show a date? */
  readonly dateXf: boolean[];

  constructor(xml: string | undefined, mainNs: string) {
    this.xml = xml ?? STYLES_XML_MINIMAL(mainNs);
    this.changed = xml === undefined;
    this.p = rootPrefix(this.xml, "styleSheet");
    const custom = new Map<number, string>();
    for (const tag of this.items("numFmts", "numFmt")) custom.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
    this.dateXf = this.items("cellXfs", "xf").map((tag) => {
      const id = Number(attribute(tag, "numFmtId") ?? 0);
      const code = custom.get(id);
      return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
    });
  }

  get text(): string {
    return this.xml;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The cell format index for a look, added when no identical one exists. */
  xf(look: CellLook): number {
    const key = JSON.stringify(look);
    const known = this.looks.get(key);
    if (known !== undefined) return known;
    const fontId = this.findOrAdd("fonts", "font", this.fontXml(look));
    const fillId = look.fill
      ? this.findOrAdd("fills", "fill", this.el("fill", this.el("patternFill", `${this.el("fgColor", "", `rgb="${look.fill}"`)}${this.el("bgColor", "", 'indexed="64"')}`, 'patternType="solid"')))
      : 0;
    const borderId = look.borderAll || look.borderBottom ? this.findOrAdd("borders", "border", this.borderXml(look)) : 0;
    const numFmtId = look.numFmt === undefined ? 0 : this.numFmtId(look.numFmt);
    const align = look.wrap || look.vcenter ? this.el("alignment", "", [look.vcenter ? 'vertical="center"' : "", look.wrap ? 'wrapText="1"' : ""].filter(Boolean).join(" ")) : "";
    const protection = look.unlocked ? this.el("protection", "", 'locked="0"') : "";
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      align ? ' applyAlignment="1"' : "",
      protection ? ' applyProtection="1"' : "",
    ].join("");
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const id = this.findOrAdd("cellXfs", "xf", this.el("xf", align + protection, attrs));
    if (id === this.dateXf.length) this.dateXf.push(look.numFmt !== undefined && isDateFormatCode(look.numFmt));
    this.looks.set(key, id);
    return id;
  }

  private el(name: string, inner: string, attrs = ""): string {
    const q = qualified(this.p, name);
    const a = attrs ? ` ${attrs}` : "";
    return inner ? `<${q}${a}>${inner}</${q}>` : `<${q}${a}/>`;
  }

  /** The workbook's default font (the first), made bold or coloured. */
  private fontXml(look: CellLook): string {
    const base = this.items("fonts", "font")[0] ?? this.el("font", `${this.el("sz", "", 'val="11"')}${this.el("name", "", 'val="Calibri"')}`);
    const q = qualified(this.p, "font");
    const inner = base.replace(new RegExp(`^<${q}[^>]*?/?>|</${q}>$`, "g"), "").replace(new RegExp(`<${qualified(this.p, "(?:b|i|u|strike|color)")}(?:\\s[^>]*)?/>`, "g"), "");
    if (!look.bold && !look.color) return this.el("font", inner);
    return this.el("font", (look.bold ? this.el("b", "") : "") + (look.color ? this.el("color", "", `rgb="${look.color}"`) : "") + inner);
  }

  private borderXml(look: CellLook): string {
    const thin = this.el("color", "", 'auto="1"');
    const side = (name: string, on: boolean | undefined): string => (on ? this.el(name, thin, 'style="thin"') : this.el(name, ""));
    const all = look.borderAll === true;
    return this.el("border", side("left", all) + side("right", all) + side("top", all) + side("bottom", all || look.borderBottom) + this.el("diagonal", ""));
  }

  private numFmtId(code: string): number {
    if (Object.prototype.hasOwnProperty.call(BUILTIN_FORMATS, code)) return BUILTIN_FORMATS[code]!;
    const tags = this.items("numFmts", "numFmt");
    for (const tag of tags) if (attribute(tag, "formatCode") === code) return Number(attribute(tag, "numFmtId"));
    const id = Math.max(163, ...tags.map((t) => Number(attribute(t, "numFmtId")) || 0)) + 1;
    this.append("numFmts", this.el("numFmt", "", `numFmtId="${id}" formatCode="${escapeXml(code)}"`));
    return id;
  }

  private findOrAdd(container: Container, item: string, xml: string): number {
    const items = this.items(container, item);
    const i = items.indexOf(xml);
    if (i >= 0) return i;
    this.append(container, xml);
    return items.length;
  }

  /** The child elements of a container, as written. */
  private items(container: Container, item: string): string[] {
    const body = this.body(container);
    if (body === undefined) return [];
    const q = qualified(this.p, item);
    return body.match(new RegExp(`<${q}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${q}>)`, "g")) ?? [];
  }

  private body(container: Container): string | undefined {
    const q = qualified(this.p, container);
    const m = new RegExp(`<${q}(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${q}>)`).exec(this.xml);
    return m ? (m[1] ?? "") : undefined;
  }

  private append(container: Container, xml: string): void {
    const q = qualified(this.p, container);
    const re = new RegExp(`<${q}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${q}>)`);
    const m = re.exec(this.xml);
    this.changed = true;
    if (!m) {
      this.insertContainer(container, `<${q} count="1">${xml}</${q}>`);
      return;
    }
    const attrs = m[1] ?? "";
    const body = m[3] ?? "";
    const count = (this.items(container, itemOf(container)).length + 1).toString();
    const newAttrs = / count="\d*"/.test(attrs) ? attrs.replace(/ count="\d*"/, ` count="${count}"`) : `${attrs} count="${count}"`;
    this.xml = this.xml.slice(0, m.index) + `<${q}${newAttrs}>${body}${xml}</${q}>` + this.xml.slice(m.index + m[0].length);
  }

  /** Inserts a missing container before the first one that follows it in the schema's order. */
  private insertContainer(container: Container, xml: string): void {
    const after = CONTAINERS.slice(CONTAINERS.indexOf(container) + 1);
    for (const next of after) {
      const at = this.xml.search(new RegExp(`<${qualified(this.p, next)}[\\s>/]`));
      if (at >= 0) {
        this.xml = this.xml.slice(0, at) + xml + this.xml.slice(at);
        return;
      }
    }
    const close = `</${qualified(this.p, "styleSheet")}>`;
    const at = this.xml.lastIndexOf(close);
    const root = rootTag(this.xml, "styleSheet");
    if (at < 0 && root?.endsWith("/>")) {
      this.xml = this.xml.replace(root, `${root.slice(0, -2)}>${xml}${close}`);
      return;
    }
    this.xml = this.xml.slice(0, at) + xml + this.xml.slice(at);
  }
}

function itemOf(container: Container): string {
  switch (container) {
    case "numFmts":
      return "numFmt";
    case "fonts":
      return "font";
    case "fills":
      return "fill";
    case "borders":
      return "border";
    case "cellStyleXfs":
    case "cellXfs":
      return "xf";
    case "cellStyles":
      return "cellStyle";
    case "dxfs":
      return "dxf";
    case "tableStyles":
      return "tableStyle";
    default:
      return "_";
  }
}
