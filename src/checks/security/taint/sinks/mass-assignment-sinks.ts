/**
 * Mass assignment: the whole request body handed to an ORM write (`Model.create(req.body)`,
 * `prisma.user.create({ data: req.body })`, `Object.assign(user, req.body)`, `repo.save({ ...req.body })`,
 * `new User(req.body)`, `findByIdAndUpdate(id, req.body)`), so a client can set fields such as `role`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, receiverOf, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, type Taint } from "../analysis/taint.js";
import { privilegeFieldHits } from "./privilege-field.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const FIRST_ARGUMENT = new Set([
  "create",
  "insert",
  "insertMany",
  "bulkCreate",
  "build",
  "save",
  "upsert",
  "createMany",
  "insertOne",
  "set",
  "merge",
  "update",
]);
const SECOND_ARGUMENT = new Set([
  "findByIdAndUpdate",
  "findOneAndUpdate",
  "updateOne",
  "updateMany",
  "replaceOne",
  "findOneAndReplace",
  "update",
  "merge",
  "upsert",
]);
const DATA_KEYS = ["data", "create", "update", "$set", "values"];
const NOT_MODELS =
  /^(URL|URLSearchParams|Error|TypeError|RangeError|Date|Map|Set|WeakMap|WeakSet|RegExp|Promise|Buffer|Function|Array|Object|String|Number|Boolean|Proxy|Headers|Request|Response|FormData|Blob|AbortController|EventEmitter|Worker|ObjectId)$/;
const NOT_MODEL_RECEIVERS =
  /^(res|response|reply|req|request|ctx|headers|cache|map|params|searchParams|redis|client\.set)$/;

function wholeBody(node: Node | undefined, analyzer: TaintAnalyzer): Taint | undefined {
  if (!node || node.type === "SpreadElement") return undefined;
  const taint = dangerous(analyzer.value(node), "mass-assignment");
  return taint?.shape === "whole" && taint.kind === "request" ? taint : undefined;
}

/** Writes that create a record, where a role or admin flag from the request is mass assignment too (privilege-field.ts). */
const CREATES = new Set([
  "create",
  "insert",
  "insertMany",
  "bulkCreate",
  "build",
  "save",
  "createMany",
  "insertOne",
  "upsert",
]);

function dataHit(argument: Node | undefined, analyzer: TaintAnalyzer, sink: string, creating = false): SinkHit[] {
  if (!argument) return [];
  const direct = wholeBody(argument, analyzer);
  const inner = unwrap(argument);
  if (direct && inner.type !== "ObjectExpression")
    return [{ category: "mass-assignment", node: argument, sink, taint: direct }];
  if (inner.type !== "ObjectExpression") return [];
  for (const key of DATA_KEYS) {
    const property = findProperty(inner, key);
    const taint = property && wholeBody(property.value, analyzer);
    if (property && taint)
      return [{ category: "mass-assignment", node: property.value, sink: `${key} of ${sink}`, taint }];
    if (property) return dataHit(property.value, analyzer, sink, creating);
  }
  for (const property of inner.properties) {
    const taint = property.type === "SpreadElement" ? wholeBody(property.argument, analyzer) : undefined;
    if (taint) return [{ category: "mass-assignment", node: property, sink, taint }];
  }
  return creating ? privilegeFieldHits(inner, analyzer, sink) : [];
}

/** Sequelize's `{ fields: ["name", "bio"] }` option: only the listed attributes are written. */
function limitsFields(options: Node | undefined): boolean {
  const inner = options && unwrap(options);
  return inner?.type === "ObjectExpression" && findProperty(inner, "fields") !== undefined;
}

export function findMassAssignment(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "NewExpression") {
    const callee = unwrap(node.callee);
    if (callee.type !== "Identifier" || !/^[A-Z]/.test(callee.name) || NOT_MODELS.test(callee.name)) return [];
    return dataHit(node.arguments[0], analyzer, `new ${callee.name}()`, true);
  }
  if (node.type !== "CallExpression") return [];
  const call = node as TSESTree.CallExpression;
  const name = calleeName(call) ?? "";
  const receiver = receiverOf(call);
  const label = `${calleeLabel(analyzer, call)}()`;
  if (name === "assign" && rootName(call.callee) === "Object") {
    const target = unwrap(call.arguments[0] ?? call);
    if (target.type === "ObjectExpression" && target.properties.length === 0) return [];
    return call.arguments
      .slice(1)
      .flatMap((argument) => dataHit(argument, analyzer, label))
      .slice(0, 1);
  }
  if (!receiver || NOT_MODEL_RECEIVERS.test(analyzer.text(receiver)) || /^(_|lodash)$/.test(rootName(receiver) ?? ""))
    return [];
  const hits: SinkHit[] = [];
  if (FIRST_ARGUMENT.has(name) && (name !== "set" || call.arguments.length === 1) && !limitsFields(call.arguments[1]))
    hits.push(...dataHit(call.arguments[0], analyzer, label, CREATES.has(name)));
  if (hits.length === 0 && SECOND_ARGUMENT.has(name) && !limitsFields(call.arguments[2]))
    hits.push(...dataHit(call.arguments[1], analyzer, label));
  return hits;
}
