/** Learner-facing taint messages: what to do, the data flow, then why (the wording is in the category table). */
import { taintSpec, type TaintCategory } from "../../../contract/security-categories.js";
import type { TaintKind } from "./analysis/taint.js";

/** What to do and why for a taint category, from its row in the security category table. */
export function wordingFor(category: TaintCategory): { fix: string; why: string } {
  return taintSpec(category);
}

/**
 * Who controls the input, by where it comes from: a CLI reading `process.argv` is not a server reading a
 * request, so its message names the person at the command line instead of "a request".
 */
const SOURCE_WORDING: Record<TaintKind, { input: string; who: string }> = {
  request: { input: "Untrusted input", who: "a request" },
  dom: { input: "Untrusted input", who: "a request" },
  argv: { input: "A command-line argument", who: "whoever runs the command, or the script that calls it," },
  env: { input: "An environment variable", who: "whoever sets the environment" },
  file: { input: "The content of a file", who: "whoever can write that file" },
  caller: { input: "A value from the caller", who: "a caller passing outside input" },
};

/** The full message: what to do, the flow, then why, worded for where the input comes from. */
export function taintMessage(category: TaintCategory, trace: string, kind: TaintKind = "request"): string {
  const wording = wordingFor(category);
  const source = SOURCE_WORDING[kind];
  const why =
    kind === "request" ? wording.why : wording.why.replace(/\ba request\b/, source.who).replace(/ on the server\b/, "");
  return `${wording.fix}. ${source.input} reaches a dangerous call here: ${trace}. ${why}`;
}

/** The data flow out of a message written by taintMessage, for the finding's `trace`. */
export function traceFromMessage(message: string): string | undefined {
  return /dangerous call here: (.+?)\. /.exec(message)?.[1];
}
