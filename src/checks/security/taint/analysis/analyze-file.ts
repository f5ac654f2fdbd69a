/**
 * The one per-file taint analysis every taint rule shares: computed once per parsed file (cached by
 * its AST), it walks the tree once to collect calls and assignments, then asks each sink matcher
 * about them. Values are computed lazily and memoised, so the cost stays close to linear. Given the review's
 * other files, calls into them are followed through per-function summaries (function-summary.ts).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SourceCode } from "eslint";
import type { ProjectFiles } from "../../../../contract/check.js";
import type { FunctionNode } from "../../../shared/ast/functions.js";
import { findCrossFileSinks } from "../sinks/cross-file-sinks.js";
import { sinksReportedByCallers } from "./caller-reported.js";
import { sinkKey, type ThroughHit, type Bindings, type CrossFile, type SummaryEngine } from "./function-summary.js";
import { TAINT_CATEGORIES, type TaintCategory } from "../../../../contract/security-categories.js";
import { findCodeInjection } from "../sinks/code-injection-sinks.js";
import { findCommandInjection } from "../sinks/command-injection-sinks.js";
import { findMassAssignment } from "../sinks/mass-assignment-sinks.js";
import { findNosqlInjection } from "../sinks/nosql-injection-sinks.js";
import { findOpenRedirect } from "../sinks/open-redirect-sinks.js";
import { findPathTraversal } from "../sinks/path-traversal-sinks.js";
import { findPrototypePollution } from "../sinks/prototype-pollution-sinks.js";
import { findRegexDos } from "../sinks/regex-dos-sinks.js";
import type { SinkHit, SinkMatcher } from "../sinks/sink-hit.js";
import { findSqlInjection } from "../sinks/sql-injection-sinks.js";
import { findSsrf } from "../sinks/ssrf-sinks.js";
import { findXss } from "../sinks/xss-sinks.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { TaintAnalyzer } from "./taint-analyzer.js";

/** One sink matcher per taint category of the table; a category without one does not compile. */
const SINK_MATCHERS: Readonly<Record<TaintCategory, SinkMatcher>> = {
  "sql-injection": findSqlInjection,
  "nosql-injection": findNosqlInjection,
  "command-injection": findCommandInjection,
  "code-injection": findCodeInjection,
  xss: findXss,
  "path-traversal": findPathTraversal,
  "open-redirect": findOpenRedirect,
  ssrf: findSsrf,
  "prototype-pollution": findPrototypePollution,
  "regex-dos": findRegexDos,
  "mass-assignment": findMassAssignment,
};

const MATCHERS: readonly SinkMatcher[] = TAINT_CATEGORIES.map((category) => SINK_MATCHERS[category]);

const SINK_NODE_TYPES = new Set([
  "CallExpression",
  "NewExpression",
  "AssignmentExpression",
  "ImportExpression",
  "JSXAttribute",
  "ReturnStatement",
]);

/** One file's analysis: its taint findings, the analyzer that found them (values memoised) and its sink candidates. */
export interface FileAnalysis {
  hits: readonly SinkHit[];
  analyzer: TaintAnalyzer;
  nodes: readonly Node[];
}

const cache = new WeakMap<object, FileAnalysis>();
/** The hits of the files calling a helper, analysed with the review's files to place the helper's findings. */
const callerCache = new WeakMap<object, readonly SinkHit[]>();
const collected = new WeakMap<object, { nodes: Node[]; calls: TSESTree.CallExpression[] }>();

/** The sink-candidate nodes and the calls of a file, collected once per tree. */
function nodesOf(sourceCode: SourceCode): { nodes: Node[]; calls: TSESTree.CallExpression[] } {
  const key = sourceCode.ast as object;
  let found = collected.get(key);
  if (!found) {
    const nodes = collect(sourceCode);
    found = { nodes, calls: nodes.filter((node): node is TSESTree.CallExpression => node.type === "CallExpression") };
    collected.set(key, found);
  }
  return found;
}

function collect(sourceCode: SourceCode): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [sourceCode.ast as unknown as Node];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (SINK_NODE_TYPES.has(node.type)) found.push(node);
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    for (let index = keys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[keys[index] as string];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item--) {
          const element = child[item] as Node | null;
          if (element && typeof element.type === "string") stack.push(element);
        }
      } else if (child && typeof child === "object" && typeof (child as Node).type === "string") {
        stack.push(child as Node);
      }
    }
  }
  return found;
}

function hitsAt(nodes: readonly Node[], analyzer: TaintAnalyzer): SinkHit[] {
  const hits: SinkHit[] = [];
  const seen = new Set<string>();
  const report = (hit: SinkHit): void => {
    const key = `${hit.category}:${hit.node.range[0]}:${hit.node.range[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push(hit);
  };
  for (const node of nodes) {
    // A call to a function of another review file is judged by what that function does, not by its name
    // (`usersService.search(q)` is not String.prototype.search).
    const imported =
      analyzer.options.crossFile && node.type === "CallExpression" ? analyzer.importedCall(node) : undefined;
    if (!imported?.values.some((value) => value?.taint && value.taint.kind !== "caller"))
      for (const matcher of MATCHERS) for (const hit of matcher(node, analyzer)) report(hit);
    if (!analyzer.options.crossFile) continue;
    // The handler's call carries the finding; the helper's file drops its own `caller` finding (caller-reported.ts).
    for (const hit of findCrossFileSinks(node, analyzer)) report(hit);
  }
  return hits;
}

const ownHitsCache = new WeakMap<object, ReadonlySet<string>>();

function within(node: Node, fns: readonly FunctionNode[]): boolean {
  return fns.some((fn) => fn.range[0] <= node.range[0] && node.range[1] <= fn.range[1]);
}

/** Summaries run the same analysis over the callee's function (and the local helpers it calls) with its parameter bound. */
const SUMMARY_ENGINE: SummaryEngine = {
  evaluate(sourceCode: SourceCode, fn: FunctionNode, bindings: Bindings, crossFile: CrossFile) {
    const { nodes, calls } = nodesOf(sourceCode);
    const analyzer = new TaintAnalyzer(sourceCode, calls, { crossFile, bindings });
    const scope: FunctionNode[] = [fn];
    for (const call of calls)
      if (within(call, [fn]))
        for (const helper of analyzer.functionsCalledBy(call)) if (!scope.includes(helper)) scope.push(helper);
    return {
      hits: hitsAt(
        nodes.filter((node) => within(node, scope)),
        analyzer,
      ),
      returns: analyzer.returnValue(fn),
    };
  },
  ownHits(sourceCode: SourceCode) {
    let own = ownHitsCache.get(sourceCode.ast);
    if (!own) {
      own = new Set(analyzeFile(sourceCode).map((hit) => `${hit.category}:${hit.node.range[0]}:${hit.node.range[1]}`));
      ownHitsCache.set(sourceCode.ast, own);
    }
    return own;
  },
};

function crossFileAnalysis(sourceCode: SourceCode, project?: ProjectFiles, path?: string): FileAnalysis {
  const { nodes, calls } = nodesOf(sourceCode);
  const crossFile: CrossFile | undefined =
    project && path ? { project, path, depth: 0, engine: SUMMARY_ENGINE } : undefined;
  const analyzer = new TaintAnalyzer(sourceCode, calls, crossFile ? { crossFile } : {});
  return { hits: hitsAt(nodes, analyzer), analyzer, nodes };
}

function callerHits(sourceCode: SourceCode, project: ProjectFiles, path: string): readonly SinkHit[] {
  const key = sourceCode.ast as object;
  let hits = callerCache.get(key);
  if (!hits) callerCache.set(key, (hits = crossFileAnalysis(sourceCode, project, path).hits));
  return hits;
}

/** Drops the helper's own `caller` findings whose sink a handler's call in another file reaches with input. */
function withoutCallerReported(hits: readonly SinkHit[], project: ProjectFiles, path: string): readonly SinkHit[] {
  if (!hits.some((hit) => hit.taint.kind === "caller")) return hits;
  // hitsAt's cross-file hits carry `through` (CrossFileHit); the others have none.
  const covered = sinksReportedByCallers(
    project,
    path,
    (sourceCode, other) => callerHits(sourceCode, project, other) as readonly (SinkHit & { through?: ThroughHit })[],
  );
  return hits.filter((hit) => hit.taint.kind !== "caller" || !covered.has(sinkKey(path, hit.category, hit.node.range)));
}

/** A file's analysis, computed on first use and cached by the file's AST; `project` and `path` enable cross-file flows. */
export function fileAnalysis(sourceCode: SourceCode, project?: ProjectFiles, path?: string): FileAnalysis {
  const key = sourceCode.ast as object;
  let analysis = cache.get(key);
  if (!analysis) {
    analysis = crossFileAnalysis(sourceCode, project, path);
    if (project && path) analysis = { ...analysis, hits: withoutCallerReported(analysis.hits, project, path) };
    cache.set(key, analysis);
  }
  return analysis;
}

/** Every taint finding of a file (see fileAnalysis). */
export function analyzeFile(sourceCode: SourceCode, project?: ProjectFiles, path?: string): readonly SinkHit[] {
  return fileAnalysis(sourceCode, project, path).hits;
}
