/** What a sink matcher reports: the category, where, the sink's name, the tainted data and an optional fix. */
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import type { Taint } from "../analysis/taint.js";

export interface SinkFix {
  range: [number, number];
  text: string;
  /** What the fix does, for the suggestion's description. */
  description: string;
}

export interface SinkHit {
  category: SecurityCategory;
  node: Node;
  /** The sink in words, e.g. "SQL template in pool.query()". */
  sink: string;
  taint: Taint;
  fix?: SinkFix;
}

export type SinkMatcher = (node: Node, analyzer: TaintAnalyzer) => SinkHit[];

/** The callee as written, shortened: `this.pool.query` -> "pool.query". */
export function calleeLabel(analyzer: TaintAnalyzer, call: Node): string {
  if (call.type !== "CallExpression" && call.type !== "NewExpression") return analyzer.text(call);
  const text = analyzer
    .text(call.callee)
    .replace(/\s+/g, "")
    .replace(/^this\./, "")
    .replace(/\(.*\)/s, "(…)");
  return text.length > 40 ? `…${text.slice(-39)}` : text;
}
