import type { Msg } from "../i18n/messages.js";

/**
 * A task stopped before doing anything, for a reason the person can act on (a missing sheet, an
 * unreadable file): every host shows `msg` as it is, in the person's language, never a stack trace.
 */
export class Refusal extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}
