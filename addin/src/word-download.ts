/**
 * The documents as .docx files in the browser: the same renderer as `thidua export` (word/), a Blob
 * instead of a Buffer. Loaded only when the person asks for the documents (the Word library is large).
 */
import { Packer } from "docx";
import type { AnnexCollection } from "../../shared/documents/sources.js";
import { papersDocx } from "../../word/render.js";

export interface DownloadFile {
  readonly name: string;
  readonly blob: Blob;
  readonly documents: number;
}

export async function documentFiles(built: AnnexCollection): Promise<DownloadFile[]> {
  const files: DownloadFile[] = [{ name: "van-ban-khen-thuong.docx", blob: await Packer.toBlob(papersDocx(built.papers)), documents: built.papers.length }];
  if (built.certificates.length > 0) files.push({ name: "giay-khen.docx", blob: await Packer.toBlob(papersDocx(built.certificates, "Giấy khen")), documents: built.certificates.length });
  return files;
}
