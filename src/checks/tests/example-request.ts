const EXPECTED_STATUS: Record<string, number> = { POST: 201, DELETE: 204 };
const HAS_BODY = new Set(["POST", "PUT", "PATCH"]);

/** A concrete URL for a route template: `/tasks/:id` -> `/tasks/1`. */
export function exampleUrl(path: string): string {
  return path
    .replace(/:[A-Za-z0-9_]+\??/g, "1")
    .replace(/\{[^}]+\}/g, "1")
    .replace(/\/\*.*$/, "/example");
}

/** A one-line test call for a route, with supertest or, for Fastify apps, `app.inject`. */
export function exampleRequest(method: string, path: string, fastify: boolean): string {
  const url = exampleUrl(path);
  if (fastify)
    return `await app.inject({ method: "${method}", url: "${url}"${HAS_BODY.has(method) ? ", payload: validBody" : ""} })`;
  const send = HAS_BODY.has(method) ? ".send(validBody)" : "";
  return `await request(app).${method.toLowerCase()}("${url}")${send}.expect(${EXPECTED_STATUS[method] ?? 200})`;
}
