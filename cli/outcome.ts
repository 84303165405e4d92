import type { Lang, Msg } from "../shared/i18n/messages.js";
import { XlsxError } from "../xlsx/errors.js";

/** A failure that stops a command before it does anything: printed on stderr, exit status 2. */
export class Refusal extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

export interface Io {
  readonly lang: Lang;
  out(line: string): void;
}

export const EXIT = { done: 0, errorsRemain: 1, nothing: 2 } as const;

/** An error's text for a person: the file layer's Vietnamese words, or the message. */
export function errorText(err: unknown): string {
  if (err instanceof XlsxError) return err.msg.vi;
  return err instanceof Error ? err.message : String(err);
}
