/**
 * Input passed to a function in another file of the review that reaches a sink there: the finding sits at
 * the call, in the learner's handler, and its trace names the sink in the other file
 * (`req.query.id -> id -> findUser() -> SQL template in db.query() at src/dao/users.ts:21`).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { summaryOf, throughCall, type ThroughHit } from "../analysis/function-summary.js";
import { isRequestParameter, nestParameterTaint } from "../analysis/request-sources.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import type { SinkHit } from "./sink-hit.js";

/** A hit found through another file; `through` tells a summary of a caller further up where it came from. */
export type CrossFileHit = SinkHit & { through: ThroughHit };

export function findCrossFileSinks(node: Node, analyzer: TaintAnalyzer): CrossFileHit[] {
  if (node.type !== "CallExpression") return [];
  const call = node as TSESTree.CallExpression;
  const imported = analyzer.importedCall(call);
  if (!imported) return [];
  const { callee, crossFile, values } = imported;
  const hits: CrossFileHit[] = [];
  values.forEach((value, index) => {
    const taint = value?.taint;
    const argument = call.arguments[index];
    const param = callee.fn.params[index];
    // A helper's own parameter passed on from its caller is reported in the helper's file (as a `caller` value).
    if (!value || !taint || taint.kind === "caller" || !argument || !param) return;
    // A parameter the callee's file already treats as input (`req`, a NestJS @Body()) is reported there.
    if (nestParameterTaint(param) || isRequestParameter(callee.fn, param, index)) return;
    const summary = summaryOf(callee, index, value, crossFile);
    for (const hit of summary?.hits ?? []) {
      const through = { reportedIn: hit.reportedIn, sinkKeys: hit.sinkKeys };
      hits.push({
        category: hit.category,
        node: argument,
        sink: hit.sink,
        taint: throughCall(taint, hit.taint, callee.label),
        through,
      });
    }
  });
  return hits;
}
