/**
 * NoSQL injection: a MongoDB/mongoose filter that takes a value straight from the request (which may be
 * an object such as `{ "$ne": null }`), the whole request body or query as a filter, `$where` with
 * input, or `$regex` built from input.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, type Taint } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const FILTER_METHODS = new Set([
  "find",
  "findOne",
  "findOneAndUpdate",
  "findOneAndDelete",
  "findOneAndRemove",
  "findOneAndReplace",
  "updateOne",
  "updateMany",
  "deleteOne",
  "deleteMany",
  "remove",
  "countDocuments",
  "count",
  "exists",
  "replaceOne",
  "aggregate",
  "distinct",
]);
const OPERATOR_KEYS = new Set(["$where", "$regex", "$function", "$accumulator", "$expr"]);

function keyOf(property: TSESTree.Property): string | undefined {
  if (property.key.type === "Identifier" && !property.computed) return property.key.name;
  if (property.key.type === "Literal") return String(property.key.value);
  return undefined;
}

/** Resolves `filter` to its object literal when it is a const initialised with one. */
function literalOf(node: Node, analyzer: TaintAnalyzer): Node {
  const inner = unwrap(node);
  if (inner.type !== "Identifier") return inner;
  const init = analyzer.initOf(inner);
  const variable = analyzer.variableOf(inner);
  const single = variable?.references.filter((reference) => reference.isWrite()).length === 1;
  return init && single && unwrap(init).type === "ObjectExpression" ? unwrap(init) : inner;
}

function isObjectShaped(taint: Taint): boolean {
  return taint.shape === "value" || taint.shape === "whole" || taint.shape === "object";
}

function scanFilter(
  node: Node,
  analyzer: TaintAnalyzer,
  sink: string,
  hits: SinkHit[],
  depth = 0,
  reportAt?: Node,
): void {
  if (depth > 4) return;
  const inner = literalOf(node, analyzer);
  // A filter built in a variable is reported where it is used.
  const at = reportAt ?? (inner !== unwrap(node) ? node : undefined);
  if (inner.type === "CallExpression") {
    // A filter built by a local helper: look at what the helper returns.
    const functions = analyzer.functionsCalledBy(inner);
    if (functions.length > 0) {
      for (const fn of functions)
        for (const returned of analyzer.returnExpressions(fn))
          scanFilter(returned, analyzer, sink, hits, depth + 1, at ?? node);
      return;
    }
  }
  if (inner.type === "ArrayExpression") {
    for (const element of inner.elements)
      if (element && element.type !== "SpreadElement") scanFilter(element, analyzer, sink, hits, depth + 1, at);
    return;
  }
  if (inner.type !== "ObjectExpression") {
    const taint = dangerous(analyzer.value(inner), "nosql-injection");
    if (taint && (taint.shape === "whole" || taint.shape === "value"))
      hits.push({ category: "nosql-injection", node: at ?? inner, sink: `filter of ${sink}`, taint });
    return;
  }
  if (findProperty(inner, "where")) return; // SQL ORMs (Sequelize, TypeORM, Prisma)
  for (const property of inner.properties) {
    if (property.type === "SpreadElement") {
      const taint = dangerous(analyzer.value(property.argument), "nosql-injection");
      if (taint && taint.shape === "whole")
        hits.push({ category: "nosql-injection", node: at ?? property, sink: `filter of ${sink}`, taint });
      continue;
    }
    const key = keyOf(property) ?? "";
    // `{ email: { $eq: input } }` compares with the value as it is, object or not: MongoDB's own defence against
    // operator injection (https://www.mongodb.com/docs/manual/reference/operator/query/eq/).
    if (key === "$eq") continue;
    const value = unwrap(property.value);
    if (value.type === "ObjectExpression" || value.type === "ArrayExpression") {
      scanFilter(value, analyzer, sink, hits, depth + 1, at);
      continue;
    }
    const taint = dangerous(analyzer.value(value), "nosql-injection");
    if (!taint) continue;
    if (OPERATOR_KEYS.has(key))
      hits.push({ category: "nosql-injection", node: at ?? value, sink: `${key} in ${sink}`, taint });
    else if (isObjectShaped(taint))
      hits.push({ category: "nosql-injection", node: at ?? value, sink: `filter field "${key}" of ${sink}`, taint });
  }
}

export function findNosqlInjection(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression") return [];
  const name = calleeName(node);
  if (!name) return [];
  const hits: SinkHit[] = [];
  const sink = `${calleeLabel(analyzer, node)}()`;
  if (name === "$where") {
    const [first] = node.arguments;
    const taint = first && dangerous(analyzer.value(first), "nosql-injection");
    if (first && taint) hits.push({ category: "nosql-injection", node: first, sink: `$where in ${sink}`, taint });
    return hits;
  }
  // Mongo's legacy update(filter, { $set: ... }); Sequelize's update(values, { where }) is not a filter.
  const isMongoUpdate =
    name === "update" &&
    unwrap(node.arguments[1] ?? node).type === "ObjectExpression" &&
    (unwrap(node.arguments[1] ?? node) as TSESTree.ObjectExpression).properties.some(
      (property) => property.type === "Property" && keyOf(property)?.startsWith("$"),
    );
  if (!FILTER_METHODS.has(name) && !isMongoUpdate) return hits;
  const filter = node.arguments[name === "distinct" ? 1 : 0];
  if (
    !filter ||
    filter.type === "SpreadElement" ||
    unwrap(filter).type === "ArrowFunctionExpression" ||
    unwrap(filter).type === "FunctionExpression"
  )
    return hits;
  if (name === "find") {
    // Array.prototype.find and query builders take functions or strings; only object filters matter here.
    const shape = literalOf(filter, analyzer);
    if (
      shape.type !== "ObjectExpression" &&
      shape.type !== "Identifier" &&
      shape.type !== "MemberExpression" &&
      shape.type !== "CallExpression"
    )
      return hits;
  }
  scanFilter(filter, analyzer, sink, hits);
  return hits;
}
