import type * as ESTree from "estree";
import { functionName } from "../../../shared/ast/functions.js";
import { dottedName, keyName } from "../../../shared/ast/names.js";
import type { Route } from "./route-collector.js";
import { inside, rangeOf, type Range } from "./route-syntax.js";

/** Calls that read or write a stored record. */
const DATA_ACCESS =
  /^(find(ById|ByPk|One|Unique|First|OneAnd\w+|ByIdAnd\w+)|update(One|Many)?|delete(One|Many)?|destroy|remove|upsert|replaceOne|query|execute|findAndModify)$/;
const REQUEST = /^(req|request|ctx|context)$/;
/** Who is asking: `req.user`, `req.session`, `res.locals.user`, `ctx.state.user`, `request.auth`. */
const IDENTITY = /^(user|session|auth|currentUser|account|userId|claims|principal)$/;
/** Helpers that return the signed-in user: `currentUser(res)`, `getSessionUser(req)`, `authUser`. */
const CURRENT_USER = /^(get)?(current|session|auth|authenticated|logged(In)?|signed(In)?)User$/i;
const ID_NAME = /(^id|Id|_id|ID)$/;
/** Records that belong to people: an unauthenticated route changing one by id is always wrong. */
export const PERSONAL = /user|account|owner|member|customer|profile|employee|admin|benefit|payment|invoice|order/i;

/**
 * What the handlers of a file do with ids and identities, by source range, as the rule visits it: ids read
 * from the request, calls that read or write records, reads of who is asking, and where each named function is.
 */
export class OwnerFacts {
  private readonly dataCalls: { args: Range[] }[] = [];
  private readonly requestIds: Range[] = [];
  private readonly idNames: Range[] = [];
  readonly identities: Range[] = [];
  private readonly personalIds: Range[] = [];
  private readonly functionsByName = new Map<string, Range>();

  noteFunction(node: ESTree.Function): void {
    const name = functionName(node);
    if (name && !this.functionsByName.has(name)) this.functionsByName.set(name, rangeOf(node));
  }

  noteIdentifier(node: ESTree.Identifier): void {
    if (ID_NAME.test(node.name)) this.idNames.push(rangeOf(node));
    if (CURRENT_USER.test(node.name)) this.identities.push(rangeOf(node));
  }

  noteMember(node: ESTree.MemberExpression): void {
    const property = keyName(node.property, node.computed);
    if (!property) return;
    const owner = dottedName(node.object) ?? "";
    const base = owner.split(".")[0] ?? "";
    if (IDENTITY.test(property) && (REQUEST.test(owner) || owner === "res.locals" || owner.endsWith(".state")))
      this.identities.push(rangeOf(node));
    if (
      REQUEST.test(base) &&
      (owner.endsWith(".params") || (ID_NAME.test(property) && /\.(body|query|request\.body)$/.test(owner)))
    )
      this.requestIds.push(rangeOf(node));
    if (REQUEST.test(base) && ID_NAME.test(property) && PERSONAL.test(property)) this.personalIds.push(rangeOf(node));
    if (property === "params" && REQUEST.test(owner)) this.requestIds.push(rangeOf(node));
  }

  noteCall(node: ESTree.CallExpression): void {
    if (node.callee.type !== "MemberExpression") return;
    const accessName = keyName(node.callee.property, node.callee.computed);
    if (accessName && DATA_ACCESS.test(accessName) && !REQUEST.test(dottedName(node.callee.object) ?? ""))
      this.dataCalls.push({ args: node.arguments.map((arg) => rangeOf(arg)) });
  }

  private handlerRange(route: Route): Range | undefined {
    const handler = route.handlerNode;
    if (!handler) return undefined;
    if (handler.type === "FunctionExpression" || handler.type === "ArrowFunctionExpression") return rangeOf(handler);
    return route.handler ? this.functionsByName.get(route.handler) : undefined;
  }

  /** The route's handler reads a personal id (`req.params.userId`) from the request. */
  readsPersonalId(route: Route): boolean {
    const range = this.handlerRange(route);
    return range !== undefined && this.personalIds.some((ref) => inside(ref, range));
  }

  /** The handler reads or writes a record by a request-supplied id and never looks at the caller's identity. */
  isUncheckedIdAccess(route: Route): boolean {
    const range = this.handlerRange(route);
    if (!range) return false;
    if (!this.requestIds.some((ref) => inside(ref, range))) return false;
    if (this.identities.some((ref) => inside(ref, range))) return false;
    const byRequestId = (arg: Range) =>
      this.requestIds.some((ref) => inside(ref, arg)) || this.idNames.some((ref) => inside(ref, arg));
    return this.dataCalls.some((call) => call.args.some((arg) => inside(arg, range)) && call.args.some(byRequestId));
  }
}
