/**
 * NestJS: a controller with no guard at class or method level (and no global guard in the review:
 * `app.useGlobalGuards`, an `APP_GUARD` provider) whose GET handler serves private data: under an admin,
 * internal, stats or export path and reading the data store, or looking a personal record (a patient, an
 * invoice, a user) up by a `@Param()` id. nest-guards.ts covers the mutating routes of partly guarded controllers.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { projectFilesOf } from "../../../../contract/check.js";
import { calleeName, keyName } from "../../../shared/ast/names.js";
import { callsIn, walk } from "./handler-scan.js";
import { PRIVATE_RECORD, PRIVATE_SEGMENT } from "./private-data.js";
import { publicRouteReason } from "./public-route.js";
import { routePath } from "./route-syntax.js";

type Decorator = { expression: ESTree.Node };
const decoratorsOf = (node: unknown): Decorator[] => (node as { decorators?: Decorator[] }).decorators ?? [];
function decoratorName(decorator: Decorator): string {
  const expression = decorator.expression;
  if (expression.type === "CallExpression") return calleeName(expression) ?? "";
  return expression.type === "Identifier" ? expression.name : "";
}

/** Decorators that guard a route or controller, or mark it public (the same names as nest-guards.ts). */
const GUARD =
  /^(UseGuards|Auth|Authorized|Roles|Role|RequireAuth|Authenticated|Permissions|RequirePermissions|ApiBearerAuth|Protected|Admin|Public|AllowAnonymous|SkipAuth|IsPublic|NoAuth|Anonymous)$/;
const DATA_READ = /^(find\w*|aggregate|count|query|execute|select|get\w*|list\w*|all)$/;
const ID_NAME = /(^id|Id|_id|ID)$/;

function hasGlobalGuard(context: Rule.RuleContext): boolean {
  const project = projectFilesOf(context.settings);
  for (const content of project?.contents.values() ?? [])
    if (/useGlobalGuards\(|\bAPP_GUARD\b/.test(content)) return true;
  return false;
}

/** The `@Param("id")` parameters of a handler, by local name. */
function idParams(method: ESTree.FunctionExpression): string[] {
  const names: string[] = [];
  for (const param of method.params) {
    const local = param.type === "Identifier" ? param.name : undefined;
    const param0 = decoratorsOf(param).find((decorator) => decoratorName(decorator) === "Param");
    if (!local || !param0) continue;
    const expression = param0.expression;
    const key = expression.type === "CallExpression" ? routePath(expression.arguments[0] as ESTree.Node) : undefined;
    if (ID_NAME.test(key ?? local)) names.push(local);
  }
  return names;
}

export function reportUnguardedNestReads(context: Rule.RuleContext, node: ESTree.ClassDeclaration): void {
  const classDecorators = decoratorsOf(node);
  const controller = classDecorators.find((decorator) => decoratorName(decorator) === "Controller")?.expression;
  if (!controller || classDecorators.some((decorator) => GUARD.test(decoratorName(decorator)))) return;
  const methods = node.body.body.filter(
    (member): member is ESTree.MethodDefinition => member.type === "MethodDefinition",
  );
  if (methods.some((member) => decoratorsOf(member).some((decorator) => GUARD.test(decoratorName(decorator))))) return;
  const owner =
    controller.type === "CallExpression" ? (routePath(controller.arguments[0] as ESTree.Node | undefined) ?? "") : "";
  let globalGuard: boolean | undefined;
  for (const member of methods) {
    const route = decoratorsOf(member).find((decorator) => decoratorName(decorator) === "Get");
    if (!route) continue;
    const path =
      route.expression.type === "CallExpression"
        ? (routePath(route.expression.arguments[0] as ESTree.Node | undefined) ?? "")
        : "";
    const fullPath = `/${owner}/${path}`.replace(/\/+/g, "/");
    const handler = keyName(member.key, member.computed) ?? "";
    if (publicRouteReason({ method: "get", path: fullPath, handler, owner: owner || context.filename }) !== undefined)
      continue;
    const calls = callsIn(member.value, context).filter((call) => DATA_READ.test(call.method));
    const ids = idParams(member.value);
    const privatePath = PRIVATE_SEGMENT.test(fullPath) && calls.length > 0;
    const personalById =
      ids.length > 0 &&
      PRIVATE_RECORD.test(owner) &&
      calls.some((call) =>
        call.node.arguments.some((argument) => {
          let uses = false;
          walk(argument as ESTree.Node, context, (inner) => {
            if (inner.type === "Identifier" && ids.includes(inner.name)) uses = true;
          });
          return uses;
        }),
      );
    if (!privatePath && !personalById) continue;
    globalGuard ??= hasGlobalGuard(context);
    if (globalGuard) return;
    context.report({ node: route.expression, messageId: "nestPrivateRead", data: { handler, path: fullPath } });
  }
}
