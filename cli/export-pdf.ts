/**
 * Printable PDF of the Word draft through LibreOffice, when it is installed: `soffice --headless
 * --convert-to pdf`. Converting a .docx needs LibreOffice Writer (Debian: libreoffice-writer);
 * libreoffice-calc alone cannot open it.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, promises as fs, realpathSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Msg } from "../shared/i18n/messages.js";
import { writeFileAtomic } from "./write-file-atomic.js";

const CANDIDATE_NAMES = ["soffice", "libreoffice"];
const WELL_KNOWN = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice program: `THIDUA_SOFFICE` when set (a path; anything not executable means "none"), else on PATH or in a usual place. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env["THIDUA_SOFFICE"];
  if (chosen !== undefined && chosen !== "") return existsSync(chosen) && executable(chosen) ? chosen : undefined;
  const dirs = (env["PATH"] ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const name of CANDIDATE_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (existsSync(file) && executable(file)) return file;
    }
  }
  return WELL_KNOWN.find((f) => existsSync(f) && executable(f));
}

/**
 * Whether the Writer component is installed beside `soffice`: true/false where the install layout
 * tells (Linux, macOS), undefined where it cannot be known without trying.
 */
export function writerInstalled(soffice: string): boolean | undefined {
  let programDir: string;
  try {
    programDir = path.dirname(realpathSync(soffice));
  } catch {
    return undefined;
  }
  const libs = ["libswlo.so", "libswlo.dylib", "swlo.dll"];
  const candidates = [programDir, path.join(programDir, "..", "Frameworks")];
  if (candidates.some((d) => libs.some((l) => existsSync(path.join(d, l))))) return true;
  return existsSync(path.join(programDir, "libmergedlo.so")) || existsSync(path.join(programDir, "libsclo.so")) ? false : undefined;
}

export type PdfOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: Msg };

const t = (vi: string, en: string): Msg => ({ vi, en });

export const PDF_MESSAGES = {
  noLibreOffice: (): Msg =>
    t(
      "Không tạo được bản PDF: máy chưa cài LibreOffice (cần LibreOffice Writer; trên Debian/Ubuntu: sudo apt-get install libreoffice-writer). Có thể mở bản Word (.docx) bằng Word rồi chọn Lưu dưới dạng PDF.",
      "No PDF written: LibreOffice is not installed (LibreOffice Writer is needed; Debian/Ubuntu: sudo apt-get install libreoffice-writer). Open the Word file (.docx) in Word and save it as PDF.",
    ),
  noWriter: (soffice: string): Msg =>
    t(
      `Không tạo được bản PDF: LibreOffice (${soffice}) chưa có thành phần Writer để mở tệp Word (trên Debian/Ubuntu: sudo apt-get install libreoffice-writer).`,
      `No PDF written: LibreOffice (${soffice}) lacks the Writer component needed to open Word files (Debian/Ubuntu: sudo apt-get install libreoffice-writer).`,
    ),
  failed: (detail: string): Msg =>
    t(
      `Không tạo được bản PDF: LibreOffice không chuyển đổi được tệp (${detail}). Nếu thiếu LibreOffice Writer, hãy cài thêm (Debian/Ubuntu: libreoffice-writer).`,
      `No PDF written: LibreOffice could not convert the file (${detail}). If LibreOffice Writer is missing, install it (Debian/Ubuntu: libreoffice-writer).`,
    ),
};

function run(file: string, args: readonly string[], timeoutMs: number): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === "number" ? err.code : 1;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (err?.message ?? "") });
    });
  });
}

/**
 * Converts `docx` to `pdf` with a private LibreOffice profile (so it neither collides with an open
 * LibreOffice nor leaves state behind). The PDF appears at `pdf` only when conversion succeeded.
 */
export async function convertDocxToPdf(docx: string, pdf: string, options: { soffice?: string; timeoutMs?: number } = {}): Promise<PdfOutcome> {
  const soffice = options.soffice ?? findSoffice();
  if (soffice === undefined) return { ok: false, reason: PDF_MESSAGES.noLibreOffice() };
  if (writerInstalled(soffice) === false) return { ok: false, reason: PDF_MESSAGES.noWriter(soffice) };
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "thidua-pdf-"));
  try {
    const profile = path.join(work, "profile");
    const outDir = path.join(work, "out");
    await fs.mkdir(outDir);
    const args = ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "pdf", "--outdir", outDir, docx];
    const r = await run(soffice, args, options.timeoutMs ?? 180_000);
    const produced = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`);
    if (!existsSync(produced)) {
      const detail = (r.stderr || r.stdout || `mã thoát ${r.code}`).trim().split("\n").slice(-2).join(" ");
      return { ok: false, reason: PDF_MESSAGES.failed(detail) };
    }
    await writeFileAtomic(pdf, (tmp) => fs.copyFile(produced, tmp));
    return { ok: true };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
