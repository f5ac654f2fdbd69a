/** HTTP method names as routers and HTTP clients spell them in method calls. `del` is koa-router's and supertest's alias of `delete`. */
export const HTTP_METHOD_CALLS = new Set(["get", "post", "put", "patch", "delete", "del", "head", "options", "all"]);

/** Upper-case method name: `del` -> `DELETE`. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return upper === "DEL" ? "DELETE" : upper;
}
