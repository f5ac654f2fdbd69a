/**
 * The one per-file taint analysis every taint rule shares: computed once per parsed file (cached by
 * its AST), it walks the tree once to collect calls and assignments, then asks each sink matcher
 * about them. Values are computed lazily and memoised, so the cost stays close to linear.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SourceCode } from "eslint";
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

const SINK_NODE_TYPES = new Set(["CallExpression", "NewExpression", "AssignmentExpression", "ImportExpression", "JSXAttribute"]);

const cache = new WeakMap<object, readonly SinkHit[]>();

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

function analyze(sourceCode: SourceCode): readonly SinkHit[] {
  const nodes = collect(sourceCode);
  const calls = nodes.filter((node): node is TSESTree.CallExpression => node.type === "CallExpression");
  const analyzer = new TaintAnalyzer(sourceCode, calls);
  const hits: SinkHit[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    for (const matcher of MATCHERS) {
      for (const hit of matcher(node, analyzer)) {
        const key = `${hit.category}:${hit.node.range[0]}:${hit.node.range[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(hit);
      }
    }
  }
  return hits;
}

/** Every taint finding of a file, computed on first use and cached by the file's AST. */
export function analyzeFile(sourceCode: SourceCode): readonly SinkHit[] {
  const key = sourceCode.ast as object;
  let hits = cache.get(key);
  if (!hits) {
    hits = analyze(sourceCode);
    cache.set(key, hits);
  }
  return hits;
}
