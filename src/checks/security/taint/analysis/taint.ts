/**
 * The abstract value the taint analysis computes for an expression: the static text it is known to
 * hold (unknown dynamic parts are "\u0000") and, when untrusted data flows into it, where that data
 * came from and how it got here.
 */
import type { SecurityCategory } from "../../../../contract/security-categories.js";

/**
 * Where untrusted data enters: a web request, the command line, the environment, a file, the browser URL,
 * or "caller": a parameter of a function other modules call (a DAO or repository helper), whose callers
 * are in files this analysis does not see.
 */
export type TaintKind = "request" | "argv" | "env" | "file" | "dom" | "caller";

/**
 * What the tainted value can be: a known string, a leaf of unknown type (may be an object, e.g.
 * `req.body.email`), an object holding some input, the whole request body/query (`req.body`),
 * or the request object itself (`req`, `ctx`).
 */
export type Shape = "string" | "value" | "object" | "whole" | "request";

export interface Taint {
  /** The source expression, e.g. "req.query.id". */
  source: string;
  /** Names the data passed through, e.g. ["id", "sql"]. */
  path: readonly string[];
  kind: TaintKind;
  shape: Shape;
  /** Categories this value was made safe for (by a sanitizer, a guard or a validator). */
  clean: ReadonlySet<SecurityCategory>;
}

export interface AbstractValue {
  taint?: Taint;
  /** Static text, "\u0000" for unknown dynamic parts. */
  text: string;
  /** Text before the first tainted part ("" when the value starts with input). */
  prefix?: string;
  /**
   * The values of an object literal's properties, when they are all it holds (named properties only, no spread,
   * computed key or accessor): `{ to: email, templatePath: path.join(...) }`. Reading a member of it, directly or
   * by destructuring, takes that property's own value, so input in `to` does not taint `templatePath`.
   */
  fields?: ReadonlyMap<string, AbstractValue>;
  /**
   * A sanitizer or schema validator made this value safe, or a guard made traced input safe for every category
   * (its taint was dropped). Kept so the audit of dangerous sinks (audit-sinks.ts) can tell a cleaned value from
   * one nobody looked at.
   */
  cleaned?: true;
}

export const UNKNOWN = "\u0000";
export const OPAQUE: AbstractValue = { text: UNKNOWN };
/** A number or boolean made from input: safe everywhere. */
export const NUMERIC_VALUE: AbstractValue = { text: "0" };

/** A value made safe everywhere: no taint, the text it had, and the `cleaned` mark. */
export function sanitizedValue(text: string): AbstractValue {
  return { text, cleaned: true };
}

/** `{ text }` (no taint), marked `cleaned` when every part not fixed in the code was made safe. */
function untainted(values: readonly AbstractValue[], text: string): AbstractValue {
  const dynamic = values.filter((value) => value.text.includes(UNKNOWN));
  return dynamic.length > 0 && dynamic.every((value) => value.cleaned) ? sanitizedValue(text) : { text };
}

export function sourceValue(name: string, kind: TaintKind, shape: Shape): AbstractValue {
  return { taint: { source: name, path: [], kind, shape, clean: new Set() }, text: UNKNOWN, prefix: "" };
}

export function cleanedValue(value: AbstractValue, categories: Iterable<SecurityCategory>): AbstractValue {
  return value.taint ? { ...value, taint: cleanedFor(value.taint, categories) } : value;
}

export function withStep(taint: Taint, step: string): Taint {
  if (!step || taint.path[taint.path.length - 1] === step || taint.source === step) return taint;
  return { ...taint, path: [...taint.path, step].slice(-6) };
}

export function withShape(taint: Taint, shape: Shape): Taint {
  return taint.shape === shape ? taint : { ...taint, shape };
}

export function cleanedFor(taint: Taint, categories: Iterable<SecurityCategory>): Taint {
  const clean = new Set(taint.clean);
  for (const category of categories) clean.add(category);
  return { ...taint, clean };
}

/** Input from a request or the browser matters more than the environment or the command line: prefer it. */
function mostDangerousIndex(values: readonly AbstractValue[]): number {
  const fromRequest = values.findIndex(
    (value) => value.taint && (value.taint.kind === "request" || value.taint.kind === "dom"),
  );
  return fromRequest !== -1 ? fromRequest : values.findIndex((value) => value.taint);
}

/** The most dangerous tainted value of several; text is their concatenation. */
export function mergeValues(values: readonly AbstractValue[], separator = ""): AbstractValue {
  const index = mostDangerousIndex(values);
  const text = values.map((value) => value.text).join(separator);
  const tainted = values[index];
  if (!tainted?.taint) return untainted(values, text);
  return { taint: tainted.taint, text, prefix: tainted.prefix ?? "" };
}

/** String concatenation of values in order: the prefix is the text before the tainted part. */
export function concatValues(values: readonly AbstractValue[]): AbstractValue {
  const index = mostDangerousIndex(values);
  const text = values.map((value) => value.text).join("");
  const tainted = values[index];
  if (!tainted?.taint) return untainted(values, text);
  const before = values
    .slice(0, index)
    .map((value) => value.text)
    .join("");
  const taint = tainted.taint.shape === "string" ? tainted.taint : withShape(tainted.taint, "string");
  return { taint, text, prefix: before + (tainted.prefix ?? "") };
}

/** True when untrusted data of this kind matters for this category. */
export function kindMatters(kind: TaintKind, category: SecurityCategory): boolean {
  if (kind === "request") return true;
  if (kind === "dom") return category === "xss" || category === "open-redirect" || category === "code-injection";
  // A helper's string parameter matters where it becomes code: SQL text, a $where script, a shell command, eval.
  if (kind === "caller")
    return (
      category === "sql-injection" ||
      category === "nosql-injection" ||
      category === "command-injection" ||
      category === "code-injection"
    );
  return category === "command-injection" || category === "code-injection";
}

/** The taint of a value if it is dangerous for this category. */
export function dangerous(value: AbstractValue, category: SecurityCategory): Taint | undefined {
  const taint = value.taint;
  if (!taint || taint.shape === "request" || taint.clean.has(category) || !kindMatters(taint.kind, category))
    return undefined;
  // A wrapper passing its parameter on whole (`query(text, params) { return pool.query(text, params) }`) is not
  // building code from it; only text spliced into a larger string is.
  if (taint.kind === "caller" && !value.text.replaceAll(UNKNOWN, "").trim()) return undefined;
  return taint;
}

/** One line: source, the names the data went through, then the sink. */
export function traceOf(taint: Taint, sink: string): string {
  return [taint.source, ...taint.path, sink].join(" -> ");
}

/**
 * True when the text before the input fixes the destination: a full origin followed by a path, a
 * same-site path ("/users/"), a query or fragment, or an unknown base (a configured constant).
 */
export function prefixFixesDestination(prefix: string | undefined): boolean {
  if (prefix === undefined || prefix === "") return false;
  if (prefix.startsWith(UNKNOWN)) return true;
  const text = prefix.replaceAll(UNKNOWN, "\u2026");
  return (
    /^[a-z][a-z0-9+.-]*:\/\/[^/?#\u2026]+[/?#]/i.test(text) ||
    /^\/[^/\\\u2026]/.test(text) ||
    /^[?#]/.test(text) ||
    /^\.{0,2}\/[^/\\]/.test(text)
  );
}
