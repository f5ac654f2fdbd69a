import type * as ESTree from "estree";
import type { Node } from "./node.js";

/** Parameter names of a function that answers a request: Express, Fastify, Koa, plain `http`. */
const REQUEST_PARAM = /^(req|request|ctx|res|reply|response)$/;

/** True when `node` runs inside a function (at any depth) that takes a request or a response by its usual name. */
export function inRequestHandler(node: ESTree.Node): boolean {
  for (let current = (node as Node).parent; current; current = current.parent) {
    if (
      current.type === "FunctionExpression" ||
      current.type === "ArrowFunctionExpression" ||
      current.type === "FunctionDeclaration"
    ) {
      if (current.params.some((param) => param.type === "Identifier" && REQUEST_PARAM.test(param.name))) return true;
    }
  }
  return false;
}
