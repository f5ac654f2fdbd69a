/** Learner-facing taint messages: what to do, the data flow, then why (the wording is in the category table). */
import { taintSpec, type TaintCategory } from "../../../contract/security-categories.js";

/** What to do and why for a taint category, from its row in the security category table. */
export function wordingFor(category: TaintCategory): { fix: string; why: string } {
  return taintSpec(category);
}

/** The full message: what to do, the flow, then why. */
export function taintMessage(category: TaintCategory, trace: string): string {
  const wording = wordingFor(category);
  return `${wording.fix}. Untrusted input reaches a dangerous call here: ${trace}. ${wording.why}`;
}

/** The data flow out of a message written by taintMessage, for the finding's `trace`. */
export function traceFromMessage(message: string): string | undefined {
  return /dangerous call here: (.+?)\. /.exec(message)?.[1];
}
