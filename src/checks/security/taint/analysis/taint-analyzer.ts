/**
 * Computes, on demand and memoised per node, the abstract value of any expression of one file:
 * whether untrusted input reaches it, through which names, and which sanitizers or guards made it
 * safe for which categories. Flow follows variables (with a simple last-write-wins order),
 * destructuring, parameters of local helpers (from their call sites), `.then` callbacks and array
 * callbacks, return values of local helpers, template literals, concatenation and string methods.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { SourceCode } from "eslint";
import { TAINT_CATEGORIES } from "../../../../contract/security-categories.js";
import { callValue, constructValue } from "./call-value.js";
import type { Bindings, CrossFile } from "./function-summary.js";
import { importedCallee, importedMember, type ImportedCallee } from "./imported-callee.js";
import { guardedCategories, type GuardHost } from "./guards.js";
import { ARRAY_CALLBACK_METHODS } from "./known-functions.js";
import { moduleMemberOf, type ModuleMember } from "./module-member.js";
import { isFunction } from "../../../shared/ast/functions.js";
import { calleeName, propertyName, receiverOf } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import {
  isRequestParameter,
  isResolverArguments,
  memberShapeOf,
  messageSourceOf,
  nestParameterTaint,
  requestObjectTaint,
  requestPropertyTaint,
  routeValidation,
  type MessageSource,
} from "./request-sources.js";
import { buildScopeIndex, type Variable } from "./scope-index.js";
import {
  cleanedFor,
  cleanedValue,
  concatValues,
  mergeValues,
  NUMERIC_VALUE,
  OPAQUE,
  sanitizedValue,
  sourceValue,
  UNKNOWN,
  withShape,
  withStep,
  type AbstractValue,
  type Taint,
} from "./taint.js";

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export interface AnalyzerOptions {
  /** The review's other files, when the engine gave them: calls into them are followed through summaries. */
  crossFile?: CrossFile;
  /** Parameters bound to a caller's data (a summary of a function called from another file). */
  bindings?: Bindings;
}

const SERVER_FILE_FIELDS = new Set([
  "path",
  "filename",
  "destination",
  "size",
  "tempFilePath",
  "encoding",
  "md5",
  "truncated",
]);
const DOM_SOURCES = new Set(["search", "hash", "href", "pathname"]);
const DOM_DOCUMENT_SOURCES = new Set(["URL", "documentURI", "referrer", "cookie", "baseURI"]);
const IN_PROGRESS: AbstractValue = { text: UNKNOWN };
const ANGULAR_ROUTE_MEMBERS = new Set(["params", "queryParams", "paramMap", "queryParamMap", "fragment"]);

/** Angular's ActivatedRoute: `this.route.snapshot`, `this.activatedRoute`, `route.snapshot` (the URL the user opened). */
function isActivatedRoute(object: Node): boolean {
  const target = object.type === "MemberExpression" && propertyName(object) === "snapshot" ? object.object : object;
  const name =
    target.type === "Identifier"
      ? target.name
      : target.type === "MemberExpression" && target.object.type === "ThisExpression"
        ? propertyName(target)
        : undefined;
  return (
    name !== undefined &&
    /^(route|activatedRoute|activeRoute|currentRoute)$/.test(name) &&
    (target !== object || target.type === "MemberExpression")
  );
}

/** A parameter declared as a number, boolean or other non-string type cannot carry SQL or shell text. */
function isNonStringType(param: TSESTree.Identifier): boolean {
  const type = param.typeAnnotation?.typeAnnotation.type;
  return (
    type !== undefined &&
    type !== "TSStringKeyword" &&
    type !== "TSAnyKeyword" &&
    type !== "TSUnknownKeyword" &&
    type !== "TSUnionType"
  );
}

/** The name a function is known by: its id, the variable, property or method it is assigned to. */
function functionLabel(fn: FunctionNode): string {
  if (fn.type !== "ArrowFunctionExpression" && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if (parent?.type === "AssignmentExpression" && parent.left.type === "MemberExpression")
    return propertyName(parent.left) ?? "a function";
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key.type === "Identifier")
    return parent.key.name;
  return "a function";
}

/**
 * A function other modules can call: declared at module level (or exported), a method of a class, a
 * property of a module-level object, or `this.method = function` inside a module-level constructor
 * function (the DAO style of NodeGoat-like apps). Not a callback passed to a call.
 */
function isModuleApi(fn: FunctionNode): boolean {
  const parent: Node | undefined = fn.parent;
  if (parent?.type === "CallExpression" || parent?.type === "NewExpression") return false;
  if (parent?.type === "MethodDefinition") return true;
  // Walk up to the nearest enclosing function: none means module level.
  let owner: Node | undefined = parent;
  while (owner && !isFunction(owner) && owner.type !== "Program") owner = owner.parent;
  if (!owner || owner.type === "Program") return true;
  // `function Dao(db) { this.find = (name) => ... }`: a method set up by a module-level constructor.
  if (
    parent?.type === "AssignmentExpression" &&
    parent.left.type === "MemberExpression" &&
    parent.left.object.type === "ThisExpression"
  ) {
    const ownerParent = (owner as Node).parent;
    return (
      ownerParent?.type === "Program" ||
      ownerParent?.type === "ExportNamedDeclaration" ||
      ownerParent?.type === "ExportDefaultDeclaration" ||
      owner.type === "FunctionDeclaration"
    );
  }
  return false;
}

/** A call into another file of the review that passes input: the callee and every argument's value. */
export interface ImportedCall {
  callee: ImportedCallee;
  crossFile: CrossFile;
  /** Argument values by index (undefined for a spread). */
  values: readonly (AbstractValue | undefined)[];
}

export class TaintAnalyzer implements GuardHost {
  private readonly variables: Map<TSESTree.Identifier, Variable>;
  private readonly variableIds = new Map<Variable, number>();
  private readonly memo = new Map<Node, AbstractValue>();
  private readonly paramMemo = new Map<TSESTree.Identifier, AbstractValue>();
  private callSites: Map<Node, TSESTree.CallExpression[]> | undefined;
  private readonly imported = new Map<TSESTree.CallExpression, ImportedCall | null>();
  /** How often a value was asked for while it was being computed (a cycle in the data flow). */
  private cycleHits = 0;
  /** How many incomplete values may be recomputed in this file: keeps the analysis close to linear. */
  private budget = 2000;

  constructor(
    readonly sourceCode: SourceCode,
    /** Every call expression of the file, collected by the walker (for call-site lookups). */
    private readonly calls: readonly TSESTree.CallExpression[],
    readonly options: AnalyzerOptions = {},
  ) {
    this.variables = buildScopeIndex(sourceCode.scopeManager as unknown as TSESLint.Scope.ScopeManager);
  }

  text(node: Node): string {
    return this.sourceCode.getText(node as never);
  }

  variableOf(identifier: TSESTree.Identifier): Variable | undefined {
    return this.variables.get(identifier);
  }

  /** True for a name no declaration in the file binds (a global such as `eval`, `fetch`, `location`). */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }

  moduleMember(node: Node): ModuleMember | undefined {
    return moduleMemberOf(node, (identifier) => this.variableOf(identifier));
  }

  keyOf(node: Node): string | undefined {
    const inner = unwrap(node);
    if (inner.type === "Identifier") {
      const variable = this.variableOf(inner);
      if (!variable) return `g:${inner.name}`;
      let id = this.variableIds.get(variable);
      if (id === undefined) {
        id = this.variableIds.size;
        this.variableIds.set(variable, id);
      }
      return `v:${id}`;
    }
    if (inner.type === "MemberExpression") return `t:${this.text(inner).replace(/\s+/g, "").replace(/\?\./g, ".")}`;
    return undefined;
  }

  initOf(identifier: TSESTree.Identifier): Node | undefined {
    const variable = this.variableOf(identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== "Variable") return undefined;
    return definition.node.init ?? undefined;
  }

  isTainted(node: Node): boolean {
    return this.value(node).taint !== undefined;
  }

  taintOf(node: Node): Taint | undefined {
    return this.value(node).taint;
  }

  /** The abstract value of an expression at its position in the file. */
  value(node: Node): AbstractValue {
    const cached = this.memo.get(node);
    if (cached) {
      if (cached === IN_PROGRESS) this.cycleHits++;
      return cached;
    }
    this.memo.set(node, IN_PROGRESS);
    const hitsBefore = this.cycleHits;
    let result = this.compute(node);
    if (result.taint && (node.type === "Identifier" || node.type === "MemberExpression")) {
      const guarded = guardedCategories(node, this);
      if (guarded === "all") result = sanitizedValue(result.text);
      else if (guarded.size > 0) result = cleanedValue(result, guarded);
    }
    // A value computed while one of its own inputs was still being computed may be incomplete (a recursive
    // helper, a callback fed by its own result): keep it only for now, and compute it again when asked later.
    if (this.cycleHits > hitsBefore && this.budget-- > 0) this.memo.delete(node);
    else this.memo.set(node, result);
    return result;
  }

  private compute(node: Node): AbstractValue {
    switch (node.type) {
      case "Literal":
        return typeof node.value === "string" ? { text: node.value } : { text: String(node.value ?? "") };
      case "TemplateLiteral":
        return this.template(node);
      case "TaggedTemplateExpression": {
        const tag = this.text(node.tag);
        const inner = this.template(node.quasi);
        if (tag === "String.raw") return inner;
        return inner.taint || inner.cleaned ? sanitizedValue(inner.text) : { text: inner.text };
      }
      case "BinaryExpression":
        if (node.operator !== "+") return NUMERIC_VALUE;
        return concatValues([this.value(node.left as Node), this.value(node.right)]);
      case "UnaryExpression":
        return NUMERIC_VALUE;
      case "LogicalExpression":
        return mergeValues([this.value(node.left), this.value(node.right)]);
      case "ConditionalExpression":
        return mergeValues([this.value(node.consequent), this.value(node.alternate)]);
      case "AssignmentExpression":
        return this.value(node.right);
      case "SequenceExpression":
        return node.expressions.length ? this.value(node.expressions[node.expressions.length - 1] as Node) : OPAQUE;
      case "AwaitExpression":
        return this.value(node.argument);
      case "TSAsExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
      case "TSSatisfiesExpression":
      case "ChainExpression":
        return this.value(node.expression);
      case "SpreadElement":
        return this.value(node.argument);
      case "Identifier":
        return this.identifier(node);
      case "MemberExpression":
        return this.member(node);
      case "CallExpression":
        return callValue(this, node);
      case "NewExpression":
        return constructValue(this, node);
      case "ObjectExpression":
        return this.object(node);
      case "ArrayExpression": {
        const elements = node.elements.filter(
          (element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null,
        );
        const merged = mergeValues(
          elements.map((element) => this.value(element)),
          ",",
        );
        return merged.taint ? { ...merged, taint: withShape(merged.taint, "value") } : merged;
      }
      default:
        return OPAQUE;
    }
  }

  private template(node: TSESTree.TemplateLiteral): AbstractValue {
    const parts: AbstractValue[] = [];
    node.quasis.forEach((quasi, index) => {
      parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
      const expression = node.expressions[index];
      if (expression) parts.push(this.value(expression));
    });
    return concatValues(parts);
  }

  private object(node: TSESTree.ObjectExpression): AbstractValue {
    let found: Taint | undefined;
    let onlyStrings = true;
    let fields: Map<string, AbstractValue> | undefined = new Map();
    for (const property of node.properties) {
      const value = property.type === "SpreadElement" ? this.value(property.argument) : this.value(property.value);
      const key =
        property.type === "Property" && property.kind === "init" && !property.computed
          ? property.key.type === "Identifier"
            ? property.key.name
            : property.key.type === "Literal"
              ? String(property.key.value)
              : undefined
          : undefined;
      if (key === undefined) fields = undefined;
      else fields?.set(key, value);
      const taint = value.taint;
      if (!taint || taint.shape === "request") continue;
      if (property.type === "SpreadElement" && taint.shape === "whole") return { taint, text: UNKNOWN, prefix: "" };
      if (taint.shape !== "string") onlyStrings = false;
      found ??= withShape(taint, "object");
    }
    if (!found) return OPAQUE;
    // Named fields holding strings cannot carry extra keys or operators.
    const taint = onlyStrings
      ? cleanedFor(found, ["mass-assignment", "prototype-pollution", "nosql-injection"])
      : found;
    return { taint, text: UNKNOWN, prefix: "", ...(fields ? { fields } : {}) };
  }

  // ---- identifiers and variables ----

  private identifier(node: TSESTree.Identifier): AbstractValue {
    const variable = this.variableOf(node);
    const definition = variable?.defs[0];
    if (!variable || !definition) return node.name === "location" ? sourceValue("location", "dom", "string") : OPAQUE;
    let value: AbstractValue;
    if (definition.type === "Parameter")
      value = this.parameter(definition.node as FunctionNode, definition.name as TSESTree.Identifier);
    else if (definition.type === "Variable") value = this.variableAt(variable, node);
    else return OPAQUE;
    return value.taint ? { ...value, taint: withStep(value.taint, node.name) } : value;
  }

  private writes(variable: Variable): TSESLint.Scope.Reference[] {
    return variable.references
      .filter((reference) => reference.isWrite() && reference.writeExpr)
      .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  }

  /** Values added to a variable's array or collection before the use: `parts.push(x)`, `list.unshift(x)`. */
  private appended(variable: Variable, use: Node): AbstractValue[] {
    const values: AbstractValue[] = [];
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      const call = member?.parent;
      if (
        member?.type !== "MemberExpression" ||
        member.object !== reference.identifier ||
        call?.type !== "CallExpression" ||
        call.callee !== member
      )
        continue;
      const name = propertyName(member);
      if ((name !== "push" && name !== "unshift") || call.range[0] > use.range[0]) continue;
      for (const argument of call.arguments) values.push(this.value(argument));
    }
    return values;
  }

  private variableAt(variable: Variable, use: Node): AbstractValue {
    const all = this.writes(variable);
    if (all.length === 0) return OPAQUE;
    const appended = this.appended(variable, use).filter((value) => value.taint);
    if (appended.length > 0) {
      const base = this.variableAtWithoutAppends(use, all);
      const element = appended[0] as AbstractValue;
      return {
        text: [base.text, ...appended.map((value) => value.text)].join(","),
        taint: withShape(element.taint as Taint, "value"),
        prefix: "",
      };
    }
    return this.variableAtWithoutAppends(use, all);
  }

  private variableAtWithoutAppends(use: Node, all: TSESLint.Scope.Reference[]): AbstractValue {
    // Writes before the use, leaving out the one whose right-hand side holds the use (`x = x.trim()` reads the old x).
    const before = all.filter((reference) => {
      const written = reference.writeExpr as Node;
      const holdsUse = written.range[0] <= use.range[0] && use.range[1] <= written.range[1];
      return reference.identifier.range[0] < use.range[0] && reference.identifier !== use && !holdsUse;
    });
    const writes = before.length > 0 ? before : all;
    return this.valueOfWrites(writes, writes.length - 1, use);
  }

  private valueOfWrites(writes: readonly TSESLint.Scope.Reference[], index: number, use: Node): AbstractValue {
    const write = writes[index];
    if (!write) return OPAQUE;
    const value = this.writeValue(write);
    if (index === 0) return value;
    const assignment = write.identifier.parent;
    if (assignment?.type === "AssignmentExpression" && assignment.operator === "+=") {
      return concatValues([this.valueOfWrites(writes, index - 1, use), value]);
    }
    if (this.isConditional(write.identifier, use))
      return mergeValues([value, this.valueOfWrites(writes, index - 1, use)]);
    return value;
  }

  /** True when a write may not have happened on the way to the use (it sits in a branch, loop or another function). */
  private isConditional(write: Node, use: Node): boolean {
    let container: Node | undefined = write.parent;
    while (
      container &&
      container.type !== "BlockStatement" &&
      container.type !== "Program" &&
      container.type !== "SwitchCase"
    ) {
      if (isFunction(container)) return true;
      container = container.parent;
    }
    for (let node: Node | undefined = use; node; node = node.parent) if (node === container) return false;
    return true;
  }

  private writeValue(reference: TSESLint.Scope.Reference): AbstractValue {
    const identifier = reference.identifier as TSESTree.Identifier;
    const expression = reference.writeExpr as Node;
    const root = this.patternRoot(identifier);
    const container = root.parent;
    // for (const key in obj) / for (const item of list)
    const loop = container?.type === "VariableDeclarator" ? container.parent?.parent : container;
    if ((loop?.type === "ForInStatement" || loop?.type === "ForOfStatement") && loop.right === expression) {
      const iterated = this.value(expression);
      if (!iterated.taint || iterated.taint.shape === "request") return OPAQUE;
      const element = withShape(iterated.taint, loop.type === "ForInStatement" ? "string" : "value");
      return this.applyPattern(
        { taint: withStep(element, loop.type === "ForInStatement" ? "keys" : "items"), text: UNKNOWN, prefix: "" },
        identifier,
        root,
      );
    }
    return this.applyPattern(this.value(expression), identifier, root);
  }

  private patternRoot(identifier: Node): Node {
    let node = identifier;
    while (
      node.parent &&
      (node.parent.type === "Property" ||
        node.parent.type === "ObjectPattern" ||
        node.parent.type === "ArrayPattern" ||
        node.parent.type === "RestElement" ||
        (node.parent.type === "AssignmentPattern" && node.parent.left === node))
    ) {
      node = node.parent;
    }
    return node;
  }

  /** Walks from a destructuring pattern's root down to one identifier, taking members of the value. */
  private applyPattern(value: AbstractValue, identifier: Node, root: Node): AbstractValue {
    if (identifier === root) return value;
    const steps: string[] = [];
    for (let node: Node = identifier; node !== root && node.parent; node = node.parent) {
      const parent: Node = node.parent;
      if (parent.type === "Property" && parent.value === node) {
        steps.unshift(
          parent.key.type === "Identifier" && !parent.computed
            ? parent.key.name
            : parent.key.type === "Literal"
              ? String(parent.key.value)
              : "?",
        );
      } else if (parent.type === "ArrayPattern") {
        steps.unshift("[]");
      } else if (parent.type === "RestElement") {
        steps.unshift("...");
      }
    }
    let current = value;
    for (const step of steps) {
      if (!current.taint) return OPAQUE;
      if (step === "...")
        current = current.taint.shape === "request" ? OPAQUE : cleanedValue(current, ["mass-assignment"]);
      else if (step === "[]")
        current = {
          ...current,
          taint: withShape(current.taint, current.taint.shape === "string" ? "string" : "value"),
        };
      else current = this.memberOfValue(current, step);
    }
    return current;
  }

  private memberOfValue(object: AbstractValue, name: string): AbstractValue {
    const taint = object.taint;
    if (!taint) return OPAQUE;
    // A property of an object literal holds its own value (and an absent one nothing).
    if (object.fields && !name.startsWith("[")) {
      const field = object.fields.get(name);
      return field?.taint ? { ...field, taint: withStep(field.taint, name) } : (field ?? OPAQUE);
    }
    if (taint.shape === "request") {
      const property = requestPropertyTaint(taint, name);
      return property ? { taint: property, text: UNKNOWN, prefix: "" } : OPAQUE;
    }
    if (taint.shape === "string") return name === "length" ? NUMERIC_VALUE : /^\d+$/.test(name) ? object : OPAQUE;
    // Upload middleware (multer, express-fileupload) fills these in itself; the client only picks the original name.
    if (SERVER_FILE_FIELDS.has(name) && /\.(file|files)\b/.test(taint.source)) return OPAQUE;
    const shape = taint.shape === "whole" ? memberShapeOf(taint) : "value";
    const member = name.startsWith("[") ? name : `.${name}`;
    const next: Taint =
      taint.path.length === 0
        ? { ...taint, source: `${taint.source}${member}`, shape }
        : withStep({ ...taint, shape }, `${taint.path[taint.path.length - 1] ?? ""}${member}`);
    return { taint: next, text: UNKNOWN, prefix: "" };
  }

  // ---- parameters ----

  private parameter(fn: FunctionNode, identifier: TSESTree.Identifier): AbstractValue {
    const cached = this.paramMemo.get(identifier);
    if (cached) {
      if (cached === IN_PROGRESS) this.cycleHits++;
      return cached;
    }
    this.paramMemo.set(identifier, IN_PROGRESS);
    const hitsBefore = this.cycleHits;
    const index = fn.params.findIndex(
      (param) => param.range[0] <= identifier.range[0] && identifier.range[1] <= param.range[1],
    );
    const param = fn.params[index];
    let result = OPAQUE;
    if (param) {
      const root = this.patternRoot(identifier);
      result = this.applyPattern(
        this.parameterValue(fn, param, index),
        identifier,
        root.parent?.type === "TSParameterProperty" ? root : root,
      );
    }
    if (this.cycleHits > hitsBefore && this.budget-- > 0) this.paramMemo.delete(identifier);
    else this.paramMemo.set(identifier, result);
    return result;
  }

  private parameterValue(fn: FunctionNode, param: TSESTree.Parameter, index: number): AbstractValue {
    const bound = this.options.bindings?.get(fn)?.get(index);
    if (bound) return bound;
    const nest = nestParameterTaint(param);
    if (nest) return { taint: nest, text: UNKNOWN, prefix: "" };
    const message = messageSourceOf(fn, index);
    if (message) return this.messageValue(fn, param, message);
    if (isResolverArguments(fn, index))
      return sourceValue(
        `${param.type === "Identifier" ? param.name : "args"} (GraphQL resolver arguments)`,
        "request",
        "whole",
      );
    if (isRequestParameter(fn, param, index)) {
      const validated = routeValidation(fn, this.text(fn.body));
      return { taint: requestObjectTaint(param.type === "Identifier" ? param.name : "req", validated), text: UNKNOWN };
    }
    const parent = fn.parent;
    if (parent?.type === "CallExpression" && parent.arguments.includes(fn as TSESTree.Expression)) {
      const name = calleeName(parent);
      const receiver = receiverOf(parent);
      if (name === "then" && receiver && index === 0) return this.value(receiver);
      // Angular: this.route.queryParams.subscribe((params) => ...)
      if (name === "subscribe" && receiver && index === 0) {
        const stream = this.value(receiver);
        return stream.taint && stream.taint.kind === "dom" ? stream : OPAQUE;
      }
      if (name && ARRAY_CALLBACK_METHODS.has(name) && receiver && index === (name === "reduce" ? 1 : 0)) {
        const list = this.value(receiver);
        return list.taint && list.taint.shape !== "request"
          ? { ...list, taint: withShape(list.taint, list.taint.shape === "string" ? "string" : "value") }
          : OPAQUE;
      }
    }
    const values: AbstractValue[] = [];
    const sites = this.callSitesOf(fn);
    for (const call of sites) {
      const argument = call.arguments[index];
      if (argument && argument.type !== "SpreadElement") values.push(this.value(argument));
    }
    // One call site: its argument as it is (an object literal keeps its properties apart).
    if (values.length === 1 && values[0]?.fields) return values[0];
    if (values.length) return mergeValues(values);
    if (sites.length === 0 && param.type === "Identifier" && !isNonStringType(param) && isModuleApi(fn)) {
      return sourceValue(
        `${param.name} (a parameter of ${functionLabel(fn)}, called from other files)`,
        "caller",
        "string",
      );
    }
    return OPAQUE;
  }

  /**
   * A message listener's parameter: the data itself (`ws.on("message", (data) => ...)`), or a MessageEvent whose
   * members (`event.data`) hold it. A postMessage listener that compares `event.origin` first takes data only from
   * the origin it trusts.
   */
  private messageValue(fn: FunctionNode, param: TSESTree.Parameter, message: MessageSource): AbstractValue {
    const name = param.type === "Identifier" ? param.name : "message";
    if (message === "message") return sourceValue(`${name} (a WebSocket message)`, "request", "value");
    if (
      message === "postMessage event" &&
      /\.origin\s*(!==?|===?)|(!==?|===?)\s*\w+(\.\w+)*\.origin\b|\.origin\)/.test(this.text(fn.body))
    )
      return OPAQUE;
    return sourceValue(
      `${name} (a ${message === "postMessage event" ? "postMessage" : "WebSocket"} event)`,
      message === "postMessage event" ? "dom" : "request",
      "object",
    );
  }

  /**
   * The call into another file of the review, when this analysis has the review's files, the callee is imported
   * from a relative path that resolves to a function there, and some argument carries input. Memoised per call.
   */
  importedCall(call: TSESTree.CallExpression): ImportedCall | undefined {
    const known = this.imported.get(call);
    if (known !== undefined) return known ?? undefined;
    this.imported.set(call, null);
    const crossFile = this.options.crossFile;
    const member = crossFile && call.arguments.length > 0 ? importedMember(this, call) : undefined;
    if (!crossFile || !member) return undefined;
    const values = call.arguments.map((argument) =>
      argument.type === "SpreadElement" ? undefined : this.value(argument),
    );
    if (!values.some((value) => value?.taint)) return undefined;
    const callee = importedCallee(member, call, crossFile.path, crossFile.project);
    const result = callee ? { callee, crossFile, values } : undefined;
    this.imported.set(call, result ?? null);
    return result;
  }

  /** Local functions a call may invoke: a function declared or assigned in this file, or `this.method` of the same class. */
  functionsCalledBy(call: TSESTree.CallExpression): FunctionNode[] {
    const callee = unwrap(call.callee);
    if (callee.type === "Identifier") {
      const variable = this.variableOf(callee);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type === "FunctionName" && isFunction(definition.node)) return [definition.node as FunctionNode];
      if (definition?.type === "Variable" && isFunction(definition.node.init))
        return [definition.node.init as FunctionNode];
      return [];
    }
    if (callee.type === "MemberExpression" && callee.object.type === "ThisExpression") {
      const name = propertyName(callee);
      let owner: Node | undefined = call.parent;
      while (owner && owner.type !== "ClassBody") owner = owner.parent;
      if (!owner || owner.type !== "ClassBody") return [];
      for (const member of owner.body) {
        if (member.type === "MethodDefinition" && member.key.type === "Identifier" && member.key.name === name)
          return [member.value as FunctionNode];
      }
    }
    return [];
  }

  private callSitesOf(fn: FunctionNode): TSESTree.CallExpression[] {
    if (!this.callSites) {
      this.callSites = new Map();
      for (const call of this.calls) {
        for (const target of this.functionsCalledBy(call)) {
          const list = this.callSites.get(target) ?? [];
          list.push(call);
          this.callSites.set(target, list);
        }
      }
    }
    return this.callSites.get(fn) ?? [];
  }

  /** The expressions a function returns (its body, for an arrow function with an expression body). */
  returnExpressions(fn: FunctionNode): Node[] {
    if (fn.body.type !== "BlockStatement") return [fn.body];
    const found: Node[] = [];
    const visit = (node: Node): void => {
      if (node.type === "ReturnStatement") {
        if (node.argument) found.push(node.argument);
        return;
      }
      if (isFunction(node)) return;
      for (const key of this.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child))
          for (const item of child) if (item && typeof item === "object" && "type" in item) visit(item as Node);
        if (child && typeof child === "object" && "type" in child) visit(child as Node);
      }
    };
    for (const statement of fn.body.body) visit(statement);
    return found;
  }

  returnValue(fn: FunctionNode): AbstractValue {
    return mergeValues(this.returnExpressions(fn).map((expression) => this.value(expression)));
  }

  // ---- members, calls, constructors ----

  private member(node: TSESTree.MemberExpression): AbstractValue {
    const name = propertyName(node);
    const object = unwrap(node.object);
    if (object.type === "Identifier" && this.isGlobal(object)) {
      if (object.name === "process" && name === "argv") return sourceValue("process.argv", "argv", "whole");
      if (object.name === "process" && name === "env") return sourceValue("process.env", "env", "whole");
      if (object.name === "location" && name && DOM_SOURCES.has(name))
        return sourceValue(`location.${name}`, "dom", "string");
      if (object.name === "document" && name && DOM_DOCUMENT_SOURCES.has(name))
        return sourceValue(`document.${name}`, "dom", "string");
      if (object.name === "window" && name === "name") return sourceValue("window.name", "dom", "string");
    }
    if (name && ANGULAR_ROUTE_MEMBERS.has(name) && isActivatedRoute(object)) {
      return sourceValue(`${this.text(node)}`, "dom", "whole");
    }
    if (object.type === "MemberExpression" && name && DOM_SOURCES.has(name) && propertyName(object) === "location") {
      return sourceValue(`${this.text(object)}.${name}`, "dom", "string");
    }
    const value = this.value(node.object);
    if (!value.taint) return OPAQUE;
    if (name !== undefined) return this.memberOfValue(value, name);
    // obj[key]: an element of a tainted container is tainted
    return value.taint.shape === "request" ? OPAQUE : this.memberOfValue(value, "[…]");
  }

  /** Every category: used when a value is known safe for all of them. */
  static readonly allCategories = TAINT_CATEGORIES;
}
