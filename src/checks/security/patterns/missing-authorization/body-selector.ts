/**
 * An update or delete whose selector comes from the request body rather than the signed-in user:
 * `const { userId } = req.body; Address.updateOne({ userId }, ...)`, `usersDao.updateEmail(req.body.userId, ...)`,
 * `knex("settings").where({ account_id: accountId }).update(...)`. Signed in or not, the caller picks whose
 * record changes. The handler reading who is asking (`req.user`, `ctx.state.user`) is the fix, and quiets it; so
 * does a role check in the route's chain (`preHandler: request.isModerator`, `requireRole("admin")`).
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { dottedName, keyName } from "../../../shared/ast/names.js";
import { callsIn, identityReadIn, walk } from "./handler-scan.js";
import { publicRouteReason } from "./public-route.js";
import type { Route, RouteCollector } from "./route-collector.js";
import { authorizes, MUTATING, inside, rangeOf, type Range } from "./route-syntax.js";

/** Ids that say whose record it is. */
const OWNER_ID = /^(user|owner|account|customer|member|author|profile|tenant|org|organi[sz]ation)_?id$/i;
/** The body of a request: `req.body`, `request.body`, `ctx.request.body`. */
const BODY = /^(req|request|ctx|context)(\.request)?\.body$/;
/** Calls that change or delete records, or select the records a chained update changes (`where`). */
const WRITE =
  /^(update\w*|delete\w*|remove\w*|destroy|upsert|replace\w*|findOneAnd\w*|findByIdAnd\w*|set\w+|change\w*|where)$/;

/** Ranges of the owner ids a handler takes from the body, by name (destructured) and by member (`req.body.userId`). */
function ownerIdsFromBody(fn: ESTree.Node, context: Rule.RuleContext): { names: Set<string>; members: Range[] } {
  const names = new Set<string>();
  const members: Range[] = [];
  walk(fn, context, (node) => {
    if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init) {
      if (!BODY.test(dottedName(node.init) ?? "")) return;
      for (const property of node.id.properties) {
        if (property.type !== "Property") continue;
        const key = keyName(property.key, property.computed);
        const local = property.value.type === "Identifier" ? property.value.name : undefined;
        if (key && local && OWNER_ID.test(key)) names.add(local);
      }
    }
    if (node.type === "MemberExpression" && BODY.test(dottedName(node.object) ?? "")) {
      const property = keyName(node.property, node.computed);
      if (property && OWNER_ID.test(property)) members.push(rangeOf(node));
    }
  });
  return { names, members };
}

function usesOwnerId(argument: ESTree.Node, context: Rule.RuleContext, ids: ReturnType<typeof ownerIdsFromBody>) {
  const range = rangeOf(argument);
  if (ids.members.some((member) => inside(member, range))) return true;
  let found = false;
  walk(argument, context, (node) => {
    if (node.type === "Identifier" && ids.names.has(node.name)) found = true;
  });
  return found;
}

/** Reports the mutating routes whose write is selected by an owner id from the body. Returns the routes reported. */
export function reportBodySelectors(
  context: Rule.RuleContext,
  collected: RouteCollector,
  functions: ReadonlyMap<string, ESTree.Function>,
  skip: ReadonlySet<Route>,
): Set<Route> {
  const reported = new Set<Route>();
  for (const route of collected.routes) {
    if (skip.has(route) || !MUTATING.has(route.method)) continue;
    const facts = { method: route.method, path: route.path, handler: route.handler, owner: context.filename };
    if (publicRouteReason(facts) !== undefined) continue;
    // A role check in the route's chain (a moderator assigning a task to a user) makes picking the record the
    // caller's right: the body names whose record, by design.
    if (route.middlewares.some((middleware) => authorizes(context.sourceCode, middleware))) continue;
    if (collected.authorizingCoverage.some((position) => position < route.position)) continue;
    const handler =
      route.handlerNode?.type === "FunctionExpression" || route.handlerNode?.type === "ArrowFunctionExpression"
        ? route.handlerNode
        : functions.get(route.handler);
    if (!handler || identityReadIn(handler, context)) continue;
    const ids = ownerIdsFromBody(handler, context);
    if (ids.names.size === 0 && ids.members.length === 0) continue;
    const writes = callsIn(handler, context).filter(
      (call) =>
        WRITE.test(call.method) &&
        call.node.arguments.some((argument) => usesOwnerId(argument as ESTree.Node, context, ids)),
    );
    if (writes.length === 0) continue;
    reported.add(route);
    context.report({
      node: route.report,
      messageId: "bodySelector",
      data: { method: route.method.toUpperCase(), path: route.path || "/" },
    });
  }
  return reported;
}
