/**
 * Per-function summaries for taint that crosses files: what happens to the data a caller passes as
 * parameter i of a function in another file of the review, for one kind of data (its origin, shape, the
 * categories it was already made safe for, and its known text). A summary lists the sinks the parameter
 * reaches there ("parameter 1 reaches SQL text at src/dao/users.ts:21") and whether the function returns
 * it un-cleaned (so `format(x)` passes input on and `hash(x)` does not).
 *
 * Summaries are computed on demand, only for calls that pass input, with the same analysis and sink
 * matchers as a single file (the callee's parameter is bound to a marked value), and cached by the callee
 * file's path and content hash. A summary that itself looked into further files (a helper calling a helper
 * in a third file, to a depth of 3) is cached for the review only, since those files may differ in the next
 * one. Every review has a budget of summary evaluations; past it, calls to other files are read as in a
 * single-file analysis.
 */
import type { SourceCode } from "eslint";
import type { ProjectFiles } from "../../../../contract/check.js";
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import type { FunctionNode } from "../../../shared/ast/functions.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import type { SinkHit } from "../sinks/sink-hit.js";
import type { ImportedCallee } from "./imported-callee.js";
import type { AbstractValue, Taint } from "./taint.js";

/** The source name of a parameter bound for a summary; every taint derived from it starts with this. */
export const PARAMETER_MARKER = "\u0001param";

/** Deepest chain of files a flow is followed through (handler -> service -> DAO -> one more). */
export const MAX_DEPTH = 3;

/** Summary evaluations one review may spend; beyond it calls to other files are read as in a single file. */
export const SUMMARY_BUDGET = 2000;

/** A parameter's value bound for one summary, by function and parameter index. */
export type Bindings = ReadonlyMap<FunctionNode, ReadonlyMap<number, AbstractValue>>;

/** What a hit found through another file carries up to the summaries of its callers. */
export interface ThroughHit {
  /**
   * The files along the chain whose own single-file analysis reports this sink or the call leading to it (a
   * helper's parameter spliced into SQL text is a finding there): when one of them is under review, the call
   * is not reported a second time.
   */
  reportedIn: readonly string[];
  /**
   * Where the sink (and each call leading to it along the chain) is: `path\u0003category:start:end`. The file holding a
   * helper drops its own `caller` finding there, since the handler's call carries it (caller-reported.ts).
   */
  sinkKeys: readonly string[];
}

export interface SummaryHit extends ThroughHit {
  category: SecurityCategory;
  /** The sink in words with where it is: "SQL template in db.query() at src/dao/users.ts:21". */
  sink: string;
  /** The taint at the sink, its source the marker (plus members taken of the parameter). */
  taint: Taint;
}

export interface FunctionSummary {
  hits: readonly SummaryHit[];
  /** The return value, when it carries the parameter's data (its taint's source is the marker). */
  returns?: AbstractValue;
}

/** What the summaries need from the taint analysis; given by analyze-file.ts, which owns the analyzer and the matchers. */
export interface SummaryEngine {
  /** Analyses a function (and the local helpers it calls) with some parameters bound: the sink hits, and its return value. */
  evaluate(
    sourceCode: SourceCode,
    fn: FunctionNode,
    bindings: Bindings,
    crossFile: CrossFile,
  ): { hits: (SinkHit & { through?: ThroughHit })[]; returns: AbstractValue };
  /** The hits a file's own single-file analysis reports, by category and node range ("sql-injection:120:160"). */
  ownHits(sourceCode: SourceCode): ReadonlySet<string>;
}

/** The cross-file context of one analysis: the review's files, the file analysed and how deep in a chain it is. */
export interface CrossFile {
  readonly project: ProjectFiles;
  readonly path: string;
  readonly depth: number;
  readonly engine: SummaryEngine;
}

interface ReviewState {
  evaluations: number;
  /** Summaries asked for (from the caches or computed): one asked for during another means that one read a further file. */
  lookups: number;
  /** Summaries that looked into further files: valid for this review only. */
  local: Map<string, FunctionSummary | "in progress">;
}

const EMPTY: FunctionSummary = { hits: [] };
const MAX_CACHED = 4000;
/** Summaries that depend only on the callee's own file, by its path and content hash: kept across reviews. */
const byContent = new Map<string, FunctionSummary>();
const reviews = new WeakMap<ProjectFiles, ReviewState>();

function stateOf(project: ProjectFiles): ReviewState {
  let state = reviews.get(project);
  if (!state) reviews.set(project, (state = { evaluations: 0, lookups: 0, local: new Map() }));
  return state;
}

/** Tells the engine (once per review) that calls into other files are no longer followed: the review is partial. */
function noteBudgetReached(crossFile: CrossFile): void {
  const limits = crossFile.project.limitsReached;
  if (!limits || limits.has("cross-file-summaries")) return;
  limits.set("cross-file-summaries", {
    path: crossFile.path,
    reason: `analysis budget reached: the taint analysis summarised ${SUMMARY_BUDGET} functions of other files and read later calls into other files (from this file on) as in a single file, so flows through them were not followed`,
  });
}

/** The value a parameter is bound to: the caller's data, without its name and trace (those are put back at the call). */
function boundValue(argument: AbstractValue, taint: Taint, source = PARAMETER_MARKER): AbstractValue {
  const marked: Taint = {
    source,
    path: [],
    kind: taint.kind,
    shape: taint.shape,
    clean: taint.clean,
  };
  // An object literal's properties are bound one by one: only the ones holding the caller's data are marked.
  const fields = argument.fields
    ? new Map(
        [...argument.fields].map(([name, field]): [string, AbstractValue] => [
          name,
          field.taint ? boundValue(field, field.taint, `${source}.${name}`) : { text: field.text },
        ]),
      )
    : undefined;
  return {
    taint: marked,
    text: argument.text,
    ...(argument.prefix !== undefined ? { prefix: argument.prefix } : {}),
    ...(fields ? { fields } : {}),
  };
}

/** Which properties of an object literal argument hold data, and how: part of what a summary depends on. */
function fieldsKey(value: AbstractValue): string {
  if (!value.fields) return "";
  return [...value.fields]
    .map(([name, field]) =>
      field.taint
        ? `${name}:${field.taint.kind}/${field.taint.shape}/${[...field.taint.clean].sort().join(",")}`
        : name,
    )
    .sort()
    .join(";");
}

function bindingKey(value: AbstractValue, taint: Taint): string {
  return [
    taint.kind,
    taint.shape,
    [...taint.clean].sort().join(","),
    value.prefix ?? "",
    value.text.slice(0, 200),
    fieldsKey(value),
  ].join("\u0002");
}

function fromMarker(taint: Taint | undefined): taint is Taint {
  return taint !== undefined && taint.source.startsWith(PARAMETER_MARKER);
}

function lineOf(node: Node): number {
  return node.loc.start.line;
}

/**
 * The summary of parameter `index` of `callee` for the data `argument` carries, or undefined when there is
 * no budget left or the chain is too deep.
 */
export function summaryOf(
  callee: ImportedCallee,
  index: number,
  argument: AbstractValue,
  crossFile: CrossFile,
): FunctionSummary | undefined {
  const taint = argument.taint;
  const sourceCode = callee.module.sourceCode;
  if (!taint || !sourceCode || crossFile.depth >= MAX_DEPTH || index >= callee.fn.params.length) return undefined;
  const key = `${callee.module.path}\u0003${callee.module.hash}\u0003${callee.fn.range[0]}\u0003${index}\u0003${bindingKey(argument, taint)}`;
  const state = stateOf(crossFile.project);
  state.lookups++;
  const known = byContent.get(key) ?? state.local.get(key);
  if (known === "in progress") return EMPTY;
  if (known) return known;
  if (state.evaluations >= SUMMARY_BUDGET) {
    noteBudgetReached(crossFile);
    return undefined;
  }
  state.evaluations++;
  state.local.set(key, "in progress");
  const inner: CrossFile = {
    project: crossFile.project,
    path: callee.module.path,
    depth: crossFile.depth + 1,
    engine: crossFile.engine,
  };
  const before = state.lookups;
  const bindings: Bindings = new Map([[callee.fn, new Map([[index, boundValue(argument, taint)]])]]);
  const { hits, returns } = crossFile.engine.evaluate(sourceCode, callee.fn, bindings, inner);
  const own = crossFile.engine.ownHits(sourceCode);
  const summary: FunctionSummary = {
    hits: hits
      .filter((hit) => fromMarker(hit.taint))
      .map((hit) => {
        // A hit found through a further file already names where its sink is.
        const sink = hit.through ? hit.sink : `${hit.sink} at ${callee.module.path}:${lineOf(hit.node)}`;
        const reportedHere = own.has(`${hit.category}:${hit.node.range[0]}:${hit.node.range[1]}`);
        const reportedIn = [...(reportedHere ? [callee.module.path] : []), ...(hit.through?.reportedIn ?? [])];
        const sinkKeys = [sinkKey(callee.module.path, hit.category, hit.node.range), ...(hit.through?.sinkKeys ?? [])];
        return { category: hit.category, sink, taint: hit.taint, reportedIn, sinkKeys };
      }),
    ...(fromMarker(returns.taint) ? { returns } : {}),
  };
  // Another summary asked for while this one ran means it looked into further files: keep it for this review only.
  if (state.lookups === before) {
    state.local.delete(key);
    if (byContent.size >= MAX_CACHED) byContent.clear();
    byContent.set(key, summary);
  } else {
    state.local.set(key, summary);
  }
  return summary;
}

/** The key of a sink in a file of the review, as `ThroughHit.sinkKeys` lists it. */
export function sinkKey(path: string, category: string, range: readonly [number, number]): string {
  return `${path}\u0003${category}:${range[0]}:${range[1]}`;
}

/** The caller's taint carried through a summary's taint: the caller's source and trace, the call, then the steps in the callee. */
export function throughCall(caller: Taint, inner: Taint, label: string): Taint {
  const member = inner.source.slice(PARAMETER_MARKER.length).replace(/^\./, "");
  const path = [...caller.path, `${label}()`, ...(member ? [member] : []), ...inner.path].slice(-8);
  return { source: caller.source, path, kind: inner.kind, shape: inner.shape, clean: inner.clean };
}
