// Offline checks of an XML add-in-only manifest: Microsoft's validator (`office-addin-manifest validate`)
// posts the file to an online service, so this is what runs here and in CI. Plain JS so `npm run validate`
// needs no build; type-checked through addin/tsconfig.json (checkJs).

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlElement[], text: string }} XmlElement
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" });

/** @param {string} s @param {number} at */
function decode(s, at) {
  return s.replace(/&([^;]*);|&/g, (m, name) => {
    if (name === undefined) throw new Error(`bare “&” near offset ${at}`);
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`unknown entity &${name}; near offset ${at}`);
    return v;
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;

/**
 * A small, strict XML parser: elements, attributes, text, comments, CDATA, the XML declaration.
 * Throws on anything not well-formed.
 * @param {string} xml
 * @returns {XmlElement}
 */
export function parseXml(xml) {
  let i = 0;
  /** @type {XmlElement[]} */
  const stack = [];
  /** @type {XmlElement | undefined} */
  let root;
  const fail = (/** @type {string} */ why) => {
    const line = xml.slice(0, i).split("\n").length;
    throw new Error(`XML không hợp lệ (dòng ${line}): ${why}`);
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction");
      if (i > 1 && xml.slice(i, i + 5) === "<?xml") fail("XML declaration not at the start");
      i = end + 2;
    } else if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment");
      if (xml.slice(i + 4, end).includes("--")) fail("“--” inside a comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", i)) {
      const end = xml.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA");
      const top = stack[stack.length - 1];
      if (!top) fail("CDATA outside the root element");
      else top.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!", i)) {
      fail("DOCTYPE and other declarations are not allowed in a manifest");
    } else if (xml.startsWith("</", i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) fail("bad closing tag");
      const name = /** @type {RegExpExecArray} */ (m)[0];
      const top = stack.pop();
      if (!top || top.name !== name) fail(`closing </${name}> does not match <${top ? top.name : "nothing"}>`);
      i += 2 + name.length;
      while (/\s/.test(xml[i] ?? "")) i++;
      if (xml[i] !== ">") fail(`expected “>” after </${name}`);
      i++;
    } else if (xml[i] === "<") {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) fail("bad element name");
      const name = /** @type {RegExpExecArray} */ (m)[0];
      i += 1 + name.length;
      /** @type {XmlElement} */
      const el = { name, attrs: {}, children: [], text: "" };
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i));
        i += ws ? ws[0].length : 0;
        if (xml.startsWith("/>", i)) {
          i += 2;
          break;
        }
        if (xml[i] === ">") {
          i++;
          stack.push(el);
          break;
        }
        if (!ws || ws[0].length === 0) fail(`expected whitespace between attributes of <${name}>`);
        const a = NAME.exec(xml.slice(i));
        if (!a) fail(`bad attribute in <${name}>`);
        const attr = /** @type {RegExpExecArray} */ (a)[0];
        i += attr.length;
        const eq = /^\s*=\s*/.exec(xml.slice(i));
        if (!eq) fail(`attribute ${attr} of <${name}> has no value`);
        i += /** @type {RegExpExecArray} */ (eq)[0].length;
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${name}> is not quoted`);
        const end = xml.indexOf(/** @type {string} */ (quote), i + 1);
        if (end < 0) fail(`unterminated attribute ${attr}`);
        const raw = xml.slice(i + 1, end);
        if (raw.includes("<")) fail(`“<” in attribute ${attr}`);
        if (Object.hasOwn(el.attrs, attr)) fail(`duplicate attribute ${attr} on <${name}>`);
        el.attrs[attr] = decode(raw, i);
        i = end + 1;
      }
      const parent = stack[stack.length - (stack[stack.length - 1] === el ? 2 : 1)];
      if (parent) parent.children.push(el);
      else if (root) fail("more than one root element");
      else root = el;
    } else {
      const next = xml.indexOf("<", i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim() !== "") fail("text outside the root element");
      } else top.text += decode(text, i);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (!root) fail("no root element");
  return /** @type {XmlElement} */ (root);
}

/** Children of OfficeApp (TaskPaneApp) in the order the schema's sequence requires; `true` = required here. */
export const OFFICE_APP_ORDER = /** @type {const} */ ([
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", true],
  ["HighResolutionIconUrl", true],
  ["SupportUrl", false],
  ["AppDomains", false],
  ["Hosts", true],
  ["Requirements", true],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["AllowSnapshot", false],
  ["VersionOverrides", false],
]);

const VERSION_OVERRIDES_ORDER = /** @type {const} */ ([
  ["Description", false],
  ["Requirements", false],
  ["Hosts", true],
  ["Resources", false],
]);

const DESKTOP_ORDER = /** @type {const} */ ([
  ["GetStarted", false],
  ["FunctionFile", true],
  ["ExtensionPoint", true],
]);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @param {XmlElement} el
 * @param {readonly (readonly [string, boolean])[]} order
 * @param {string} where
 * @param {string[]} problems
 */
function checkOrder(el, order, where, problems) {
  const names = order.map(([n]) => n);
  let last = -1;
  for (const child of el.children) {
    const at = names.indexOf(child.name);
    if (at < 0) {
      problems.push(`${where}: phần tử không được phép <${child.name}>`);
      continue;
    }
    if (at < last) problems.push(`${where}: <${child.name}> sai thứ tự (phải trước <${names[last]}>)`);
    if (at === last && child.name !== "ExtensionPoint") problems.push(`${where}: <${child.name}> lặp lại`);
    last = Math.max(last, at);
  }
  for (const [name, required] of order) {
    if (required && !el.children.some((c) => c.name === name)) problems.push(`${where}: thiếu <${name}>`);
  }
}

/** @param {XmlElement} el @param {(e: XmlElement) => boolean} pred @returns {XmlElement[]} */
export function findAll(el, pred) {
  /** @type {XmlElement[]} */
  const out = [];
  const walk = (/** @type {XmlElement} */ e) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** @param {XmlElement} el @param {string} name */
const child = (el, name) => el.children.find((c) => c.name === name);

/**
 * Every check a test and `npm run validate` run on manifest.xml.
 * @param {string} xml
 * @param {{ maxExcelApi?: string, permissions?: string }} [options]
 * @returns {{ problems: string[], root?: XmlElement }}
 */
export function checkManifest(xml, options = {}) {
  /** @type {string[]} */
  const problems = [];
  /** @type {XmlElement} */
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : String(err)] };
  }
  if (root.name !== "OfficeApp") problems.push(`phần tử gốc phải là <OfficeApp>, không phải <${root.name}>`);
  if (root.attrs.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1") problems.push("OfficeApp: xmlns phải là http://schemas.microsoft.com/office/appforoffice/1.1");
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push("OfficeApp: xsi:type phải là TaskPaneApp");
  for (const [attr, value] of Object.entries(root.attrs)) {
    if (attr.startsWith("xmlns:") && !/^https?:\/\//.test(value)) problems.push(`OfficeApp: ${attr} không phải một URI`);
  }
  checkOrder(root, OFFICE_APP_ORDER, "OfficeApp", problems);

  const id = child(root, "Id")?.text.trim() ?? "";
  if (!GUID.test(id)) problems.push(`Id “${id}” không phải GUID`);
  const version = child(root, "Version")?.text.trim() ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) problems.push(`Version “${version}” không đúng dạng n.n.n.n`);
  const displayName = child(root, "DisplayName")?.attrs.DefaultValue ?? "";
  if (displayName === "" || displayName.length > 125) problems.push("DisplayName phải có 1..125 ký tự");
  const description = child(root, "Description")?.attrs.DefaultValue ?? "";
  if (description === "" || description.length > 250) problems.push("Description phải có 1..250 ký tự");

  const permissions = child(root, "Permissions")?.text.trim();
  const wantedPermissions = options.permissions ?? "ReadWriteDocument";
  if (permissions !== wantedPermissions) problems.push(`Permissions phải là ${wantedPermissions}, đang là “${permissions ?? ""}”`);

  const hosts = child(root, "Hosts");
  if (!hosts || !hosts.children.some((h) => h.name === "Host" && h.attrs.Name === "Workbook")) problems.push('Hosts: thiếu <Host Name="Workbook"/>');

  const sets = findAll(root, (e) => e.name === "Set" && e.attrs.Name === "ExcelApi");
  if (sets.length === 0) problems.push('Requirements: thiếu <Set Name="ExcelApi">');
  for (const s of sets) {
    const min = s.attrs.MinVersion ?? "1.1";
    if (!/^1\.\d+$/.test(min)) problems.push(`ExcelApi MinVersion “${min}” không hợp lệ`);
    if (options.maxExcelApi && Number(min.split(".")[1]) > Number(options.maxExcelApi.split(".")[1])) {
      problems.push(`ExcelApi ${min} cao hơn mức add-in dùng (${options.maxExcelApi})`);
    }
  }

  // Every URL is https.
  const urlElements = findAll(root, (e) => ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "bt:Image", "bt:Url"].includes(e.name) && "DefaultValue" in e.attrs);
  for (const e of urlElements) {
    const url = e.attrs.DefaultValue ?? "";
    if (!/^https:\/\/[^\s/]+/.test(url)) problems.push(`<${e.name}> ${url}: URL phải là https`);
    for (const o of e.children.filter((c) => c.name.endsWith("Override"))) {
      if (!/^https:\/\//.test(o.attrs.Value ?? "")) problems.push(`<${e.name}> Override ${o.attrs.Value}: URL phải là https`);
    }
  }
  for (const d of findAll(root, (e) => e.name === "AppDomain")) {
    if (!/^https:\/\//.test(d.text.trim())) problems.push(`AppDomain ${d.text.trim()}: phải là https`);
  }

  const vo = child(root, "VersionOverrides");
  if (vo) {
    if (vo.attrs.xmlns !== "http://schemas.microsoft.com/office/taskpaneappversionoverrides") problems.push("VersionOverrides: xmlns sai");
    if (vo.attrs["xsi:type"] !== "VersionOverridesV1_0") problems.push("VersionOverrides: xsi:type phải là VersionOverridesV1_0");
    checkOrder(vo, VERSION_OVERRIDES_ORDER, "VersionOverrides", problems);
    for (const dff of findAll(vo, (e) => e.name === "DesktopFormFactor")) checkOrder(dff, DESKTOP_ORDER, "DesktopFormFactor", problems);
    const voHosts = findAll(vo, (e) => e.name === "Host");
    if (!voHosts.some((h) => h.attrs["xsi:type"] === "Workbook")) problems.push('VersionOverrides: thiếu <Host xsi:type="Workbook">');

    // Resources: unique ids ≤ 32 characters, strings within their limits; every resid resolves to the right kind.
    const resources = child(vo, "Resources");
    /** @type {Map<string, string>} */
    const kinds = new Map();
    if (resources) {
      for (const group of resources.children) {
        const kind = group.name.replace(/^bt:/, "");
        for (const r of group.children) {
          const rid = r.attrs.id ?? "";
          if (rid === "" || rid.length > 32) problems.push(`Resources: id “${rid}” phải có 1..32 ký tự`);
          if (kinds.has(rid)) problems.push(`Resources: id “${rid}” bị trùng`);
          kinds.set(rid, kind);
          const limit = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : undefined;
          const values = [r.attrs.DefaultValue ?? "", ...r.children.map((o) => o.attrs.Value ?? "")];
          if (limit !== undefined && values.some((v) => v.length > limit)) problems.push(`Resources: “${rid}” dài quá ${limit} ký tự`);
        }
      }
    }
    for (const e of findAll(vo, (x) => "resid" in x.attrs)) {
      const rid = e.attrs.resid ?? "";
      const kind = kinds.get(rid);
      const wanted = e.name === "bt:Image" ? ["Images"] : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(e.name) ? ["Urls"] : ["ShortStrings", "LongStrings"];
      if (kind === undefined) problems.push(`resid “${rid}” (<${e.name}>) không có trong Resources`);
      else if (!wanted.includes(kind)) problems.push(`resid “${rid}” (<${e.name}>) phải trỏ tới ${wanted.join(" hoặc ")}, không phải ${kind}`);
    }

    // The ribbon: a group on the Home tab with a button that opens the task pane; 16/32/80 px icons.
    const tab = findAll(vo, (e) => e.name === "OfficeTab" && e.attrs.id === "TabHome")[0];
    const ep = findAll(vo, (e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "PrimaryCommandSurface")[0];
    if (!ep || !tab) problems.push("thiếu nút trên thẻ Home (ExtensionPoint PrimaryCommandSurface / OfficeTab TabHome)");
    else {
      const button = findAll(tab, (e) => e.name === "Control" && e.attrs["xsi:type"] === "Button")[0];
      const action = button && findAll(button, (e) => e.name === "Action")[0];
      if (!action || action.attrs["xsi:type"] !== "ShowTaskpane") problems.push("nút trên ribbon phải mở task pane (Action ShowTaskpane)");
      for (const icon of findAll(tab, (e) => e.name === "Icon")) {
        const sizes = icon.children.map((c) => c.attrs.size).sort();
        if (["16", "32", "80"].some((s) => !sizes.includes(s))) problems.push("Icon phải có ảnh 16, 32 và 80 px");
      }
    }
  }
  return { problems, root };
}

/**
 * The https URLs a manifest points at, e.g. to check that a built folder holds each file.
 * @param {XmlElement} root
 * @returns {string[]}
 */
export function manifestUrls(root) {
  const urls = findAll(root, (e) => "DefaultValue" in e.attrs && /^https:\/\//.test(e.attrs.DefaultValue ?? "") && e.name !== "DisplayName" && e.name !== "Description").map(
    (e) => e.attrs.DefaultValue ?? "",
  );
  return [...new Set(urls)];
}
