import { Packer } from "docx";
import type { AnnexDocument } from "../shared/documents/annex.js";
import { type Paper, listPaper } from "../shared/documents/paper.js";
import { papersDocx } from "../word/render.js";

/** Papers as the bytes of a .docx file (Node: a Buffer; the task pane makes a Blob of the same document). */
export async function papersDocxBuffer(papers: readonly Paper[], title?: string): Promise<Buffer> {
  return Packer.toBuffer(papersDocx(papers, title));
}

/** The lists alone, each as its own paper. */
export async function annexDocxBuffer(annexes: readonly AnnexDocument[]): Promise<Buffer> {
  return papersDocxBuffer(annexes.map(listPaper));
}
