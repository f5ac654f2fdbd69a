import { describe, expect, it } from "vitest";
import { openapiDriftCheck } from "../../../src/checks/api-design/openapi-drift.js";
import { makeContext } from "../tests/make-context.js";

const spec = `openapi: 3.0.3
info: { title: Tasks, version: "1" }
servers:
  - url: http://localhost:3000/api
paths:
  /tasks:
    get: { responses: { "200": { description: ok } } }
    post: { responses: { "201": { description: created } } }
  /tasks/{taskId}:
    get: { responses: { "200": { description: ok } } }
    delete: { responses: { "204": { description: gone } } }
`;
const app = `import { tasks } from "./tasks.js";\napp.use("/api", tasks);`;
const routes = `export const tasks = express.Router();
tasks.get("/tasks", list);
tasks.post("/tasks", create);
tasks.get("/tasks/:id", show);
tasks.patch("/tasks/:id", update);`;

describe("openapi-drift", () => {
  it("reports routes missing from the description and operations no route serves", () => {
    const findings = openapiDriftCheck.run(
      makeContext({ changed: { "src/tasks.ts": routes, "src/app.ts": app, "openapi.yaml": spec } }),
    );
    expect(findings.map((finding) => [finding.messageId, finding.path, finding.line])).toEqual([
      ["undocumentedRoute", "src/tasks.ts", 5],
      ["unservedOperation", "openapi.yaml", 9],
    ]);
    expect(findings[0]?.message).toContain("`PATCH /api/tasks/:id`");
    expect(findings[1]?.message).toContain("`DELETE /tasks/{taskId}`");
  });

  it("does not call an operation unserved while some application code is unread", () => {
    const findings = openapiDriftCheck.run(
      makeContext({ changed: { "src/tasks.ts": routes, "openapi.yaml": spec }, otherPaths: ["src/app.ts"] }),
    );
    expect(findings.every((finding) => finding.messageId === "undocumentedRoute")).toBe(true);
  });

  it("reads JSON descriptions and stays quiet when code and description agree", () => {
    const json = JSON.stringify({
      openapi: "3.1.0",
      paths: { "/tasks": { get: {}, post: {} }, "/tasks/{id}": { get: {}, patch: {} } },
    });
    expect(openapiDriftCheck.run(makeContext({ changed: { "src/tasks.ts": routes, "swagger.json": json } }))).toEqual(
      [],
    );
  });

  it("says so when the description does not parse, and stays quiet without one", () => {
    const broken = openapiDriftCheck.run(
      makeContext({ changed: { "src/tasks.ts": routes, "openapi.yaml": "paths: [unclosed" } }),
    );
    expect(broken[0]?.messageId).toBe("unreadable");
    expect(openapiDriftCheck.run(makeContext({ changed: { "src/tasks.ts": routes } }))).toEqual([]);
  });
});
