import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { calleeName, keyName } from "../../../shared/ast/names.js";
import { publicRouteReason } from "./public-route.js";
import { routePath } from "./route-syntax.js";

const NEST_MUTATING = new Set(["Post", "Put", "Patch", "Delete"]);
const NEST_GUARD =
  /^(UseGuards|Auth|Authorized|Roles|Role|RequireAuth|Authenticated|Permissions|RequirePermissions|ApiBearerAuth|Protected|Admin)$/;
const NEST_PUBLIC = /^(Public|AllowAnonymous|SkipAuth|IsPublic|NoAuth|Anonymous)$/;

type Decorator = { expression: ESTree.Node };
type Decorated = { decorators?: Decorator[] };

function decoratorName(decorator: Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type === "CallExpression") return calleeName(expression);
  if (expression.type === "Identifier") return expression.name;
  return undefined;
}

const decoratorsOf = (node: ESTree.Node): Decorator[] => (node as unknown as Decorated).decorators ?? [];

/**
 * NestJS: in a `@Controller` without a class-wide guard whose other methods carry `@UseGuards(...)`, reports
 * each mutating handler (`@Post`, `@Delete`, ...) that has no guard and is not marked public.
 */
export function reportUnguardedNestRoutes(context: Rule.RuleContext, node: ESTree.ClassDeclaration): void {
  const classDecorators = decoratorsOf(node).map(decoratorName);
  const controller = decoratorsOf(node).find((decorator) => decoratorName(decorator) === "Controller")?.expression;
  const owner =
    controller?.type === "CallExpression" ? (routePath(controller.arguments[0] as ESTree.Node | undefined) ?? "") : "";
  if (!classDecorators.includes("Controller")) return;
  if (classDecorators.some((name) => name && NEST_GUARD.test(name))) return;
  const methods = node.body.body.filter(
    (member): member is ESTree.MethodDefinition => member.type === "MethodDefinition",
  );
  const guarded = methods.filter((member) =>
    decoratorsOf(member).some((decorator) => NEST_GUARD.test(decoratorName(decorator) ?? "")),
  );
  if (guarded.length === 0) return;
  for (const member of methods) {
    const decorators = decoratorsOf(member);
    const names = decorators.map(decoratorName);
    const route = decorators.find((decorator) => NEST_MUTATING.has(decoratorName(decorator) ?? ""));
    if (!route || guarded.includes(member) || names.some((name) => name && NEST_PUBLIC.test(name))) continue;
    const handler = keyName(member.key, member.computed) ?? "";
    const path =
      route.expression.type === "CallExpression"
        ? (routePath(route.expression.arguments[0] as ESTree.Node | undefined) ?? "")
        : "";
    const method = (decoratorName(route) ?? "").toLowerCase();
    if (publicRouteReason({ method, path, handler, owner: owner || context.filename }) !== undefined) continue;
    context.report({
      node: route.expression,
      messageId: "missingGuard",
      data: { method: `@${decoratorName(route)}`, handler },
    });
  }
}
