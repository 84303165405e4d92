import type { Lang } from "../shared/i18n/messages.js";

import { Refusal } from "../shared/tasks/refusal.js";

/** A failure that stops a command before it does anything: printed on stderr, exit status 2. */
export { Refusal };

export interface Io {
  readonly lang: Lang;
  out(line: string): void;
}

export const EXIT = { done: 0, errorsRemain: 1, nothing: 2 } as const;

/** An error's text for a person: a refusal's Vietnamese words (the file layer's among them), or the message. */
export function errorText(err: unknown): string {
  if (err instanceof Refusal) return err.msg.vi;
  return err instanceof Error ? err.message : String(err);
}
