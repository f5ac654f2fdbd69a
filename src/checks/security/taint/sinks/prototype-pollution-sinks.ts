/**
 * Prototype pollution: `obj[key] = value` with key and value from input (including the keys of a
 * request object walked by a hand-written merge), deep merges and path setters (lodash `merge`,
 * `defaultsDeep`, `set`, `setWith`, `zipObjectDeep`, deepmerge-style helpers, `$.extend(true, ...)`)
 * fed with request input, and `Object.assign` of `JSON.parse(input)`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, receiverOf, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const MERGES = new Set([
  "merge",
  "mergeWith",
  "defaultsDeep",
  "mergeDeep",
  "deepMerge",
  "deepmerge",
  "extend",
  "assignDeep",
  "deepAssign",
  "mixin",
]);
const SETTERS = new Set(["set", "setWith", "zipObjectDeep", "setProperty", "setPath", "setValue"]);
const LIBRARIES =
  /^(lodash|lodash\.\w+|lodash-es|underscore|deepmerge|merge|merge-deep|mixin-deep|deep-extend|extend|dot-prop|object-path|set-value|jquery|just-extend|defaults-deep)$/;

function isLibraryCall(call: TSESTree.CallExpression, analyzer: TaintAnalyzer): boolean {
  const member = analyzer.moduleMember(call.callee);
  if (member) return LIBRARIES.test(member.module);
  const root = rootName(call.callee) ?? "";
  return /^(_|lodash|\$|jQuery|objectPath|dotProp)$/.test(root);
}

/** True for an object made with `Object.create(null)`, which has no prototype to pollute. */
function hasNullPrototype(node: Node, analyzer: TaintAnalyzer): boolean {
  const inner = unwrap(node);
  const init = inner.type === "Identifier" ? analyzer.initOf(inner) : inner;
  if (!init) return false;
  const created = unwrap(init);
  return (
    created.type === "CallExpression" &&
    analyzer.text(created.callee) === "Object.create" &&
    unwrap(created.arguments[0] ?? created).type === "Literal" &&
    (unwrap(created.arguments[0] ?? created) as { value?: unknown }).value === null
  );
}

function assignmentHit(node: TSESTree.AssignmentExpression, analyzer: TaintAnalyzer): SinkHit[] {
  const left = node.left;
  if (left.type !== "MemberExpression" || !left.computed) return [];
  const value = dangerous(analyzer.value(node.right), "prototype-pollution");
  if (!value) return [];
  const key = dangerous(analyzer.value(left.property), "prototype-pollution");
  const outer =
    left.object.type === "MemberExpression" && left.object.computed
      ? dangerous(analyzer.value(left.object.property), "prototype-pollution")
      : undefined;
  const taint = outer ?? key;
  if (!taint || taint.shape === "whole" || taint.shape === "object" || hasNullPrototype(left.object, analyzer))
    return [];
  return [
    {
      category: "prototype-pollution",
      node: left,
      sink: `computed property write ${analyzer.text(left).slice(0, 40)}`,
      taint,
    },
  ];
}

export function findPrototypePollution(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "AssignmentExpression") return assignmentHit(node, analyzer);
  if (node.type !== "CallExpression") return [];
  const name = calleeName(node) ?? "";
  const label = `${calleeLabel(analyzer, node)}()`;
  if (name === "assign" && rootName(node.callee) === "Object") {
    for (const argument of node.arguments.slice(1)) {
      const inner = unwrap(argument);
      if (inner.type === "CallExpression" && calleeName(inner) === "parse" && rootName(inner.callee) === "JSON") {
        const taint = dangerous(analyzer.value(inner), "prototype-pollution");
        if (taint) return [{ category: "prototype-pollution", node: argument, sink: label, taint }];
      }
    }
    return [];
  }
  const deepExtend = name === "extend" && unwrap(node.arguments[0] ?? node).type === "Literal";
  if (MERGES.has(name) || deepExtend) {
    if (
      !isLibraryCall(node, analyzer) &&
      !(
        receiverOf(node) === undefined &&
        analyzer.functionsCalledBy(node).length === 0 &&
        name !== "extend" &&
        name !== "mixin"
      )
    )
      return [];
    for (const argument of node.arguments.slice(1)) {
      const taint = dangerous(analyzer.value(argument), "prototype-pollution");
      if (taint && taint.shape !== "string")
        return [{ category: "prototype-pollution", node: argument, sink: `deep merge ${label}`, taint }];
    }
    return [];
  }
  if (SETTERS.has(name) && isLibraryCall(node, analyzer)) {
    const path = node.arguments[1];
    const taint = path && dangerous(analyzer.value(path), "prototype-pollution");
    if (path && taint)
      return [{ category: "prototype-pollution", node: path, sink: `property path of ${label}`, taint }];
  }
  return [];
}
