/**
 * Open redirect: input choosing where a redirect goes (`res.redirect`, `ctx.redirect`, `reply.redirect`,
 * a `Location` header, `location.href = ...`), unless a fixed same-site path or origin comes first.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, propertyName, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty, staticString } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, prefixFixesDestination } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const HEADER_SETTERS = new Set(["setHeader", "set", "header", "append"]);

/**
 * The Referer header (`req.get("Referrer")`, `req.headers.referer`, `document.referrer`): the browser sets it to
 * the page the user came from. Sending them back there (`res.redirect(req.get("Referrer") || "/")`, what Express 4
 * called `res.redirect("back")`) borrows no trust: a link from an e-mail carries no Referer, and a user sent back
 * to another site was on that site already.
 */
const REFERER_SOURCE = /(^|[."'[(])referr?er\b/i;

function check(target: Node | undefined, analyzer: TaintAnalyzer, sink: string): SinkHit[] {
  if (!target || target.type === "SpreadElement") return [];
  const value = analyzer.value(target);
  const taint = dangerous(value, "open-redirect");
  if (!taint || taint.shape === "whole" || taint.shape === "object" || prefixFixesDestination(value.prefix)) return [];
  if (REFERER_SOURCE.test(taint.source)) return [];
  return [{ category: "open-redirect", node: target, sink, taint }];
}

/** Objects whose `location` navigates the page: `window`, `document`, `self`, `top`, `parent`, `globalThis`. */
const BROWSER_GLOBALS = /(^|\.)(window|document|self|top|parent|globalThis)$/;

export function findOpenRedirect(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "AssignmentExpression") {
    const left = node.left;
    const isLocation =
      (left.type === "Identifier" && left.name === "location" && analyzer.isGlobal(left)) ||
      (left.type === "MemberExpression" &&
        // `window.location = ...` navigates; `user.profile.location = ...` stores where someone lives.
        ((propertyName(left) === "location" && BROWSER_GLOBALS.test(analyzer.text(left.object))) ||
          (propertyName(left) === "href" && /location$/.test(analyzer.text(left.object)))));
    return isLocation ? check(node.right, analyzer, analyzer.text(left)) : [];
  }
  if (node.type !== "CallExpression") return [];
  const call = node as TSESTree.CallExpression;
  const name = calleeName(call);
  const root = rootName(call.callee) ?? "";
  const label = `${calleeLabel(analyzer, call)}()`;
  if (name === "redirect" && root !== "router") {
    const target = call.arguments.find(
      (argument) =>
        unwrap(argument).type !== "Literal" || typeof (unwrap(argument) as TSESTree.Literal).value === "string",
    );
    return check(target, analyzer, label);
  }
  if (name === "location" && /^(res|response)$/.test(root)) return check(call.arguments[0], analyzer, label);
  if (
    (name === "assign" || name === "replace") &&
    /location$/.test(
      analyzer.text(
        unwrap(call.callee).type === "MemberExpression"
          ? (unwrap(call.callee) as TSESTree.MemberExpression).object
          : call.callee,
      ),
    )
  ) {
    return check(call.arguments[0], analyzer, label);
  }
  if (name && HEADER_SETTERS.has(name) && staticString(call.arguments[0])?.toLowerCase() === "location")
    return check(call.arguments[1], analyzer, `Location header via ${label}`);
  if (name === "writeHead") {
    for (const argument of call.arguments) {
      const header = findProperty(unwrap(argument), "Location") ?? findProperty(unwrap(argument), "location");
      if (header) return check(header.value, analyzer, `Location header via ${label}`);
    }
  }
  return [];
}
