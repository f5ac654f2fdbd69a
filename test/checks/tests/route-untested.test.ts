import { describe, expect, it } from "vitest";
import { routeUntestedCheck } from "../../../src/checks/tests/route-untested.js";
import { makeContext } from "./make-context.js";

const ROUTES = [
  'import { Router } from "express";',
  "export const router = Router();",
  'router.get("/tasks", listTasks);',
  'router.get("/tasks/:id", async (req, res) => res.json(await find(req.params.id)));',
  'router.post("/tasks", validate, createTask);',
  'router.delete("/tasks/:id", removeTask);',
].join("\n");

function untested(tests: Record<string, string>, routes = ROUTES, path = "src/routes/tasks.ts") {
  return routeUntestedCheck.run(makeContext({ changed: { [path]: routes }, related: tests })).map((finding) => `${finding.line}`);
}

describe("route-untested", () => {
  it("reports each route no test requests, at the route's line", () => {
    const findings = routeUntestedCheck.run(makeContext({ changed: { "src/routes/tasks.ts": ROUTES }, related: { "test/tasks.test.ts": 'await request(app).get("/tasks").expect(200);' } }));
    expect(findings.map((finding) => finding.line)).toEqual([4, 5, 6]);
    expect(findings[0]?.message).toContain("GET to `/tasks/:id`");
    expect(findings[0]?.message).toContain('request(app).get("/tasks/1")');
    expect(findings[1]?.message).toContain("POST to `/tasks`");
  });

  it("matches path templates against concrete and computed paths, and the method", () => {
    const tests = {
      "test/tasks.test.ts": [
        'await request(app).get("/tasks?done=true").expect(200);',
        "await request(app).get(`/tasks/${task.id}`).expect(200);",
        'await request(app).post("/tasks").send({ title: "x" }).expect(201);',
        'await request(app).delete("/tasks/123").expect(204);',
      ].join("\n"),
    };
    expect(untested(tests)).toEqual([]);
  });

  it("does not count a request with another method", () => {
    const tests = { "test/tasks.test.ts": 'await request(app).get("/tasks").expect(200);\nawait request(app).get("/tasks/1");\nawait request(app).get("/tasks/1");' };
    expect(untested(tests)).toEqual(["5", "6"]);
  });

  it("understands fetch with a base URL, inject, and a router mounted under a prefix", () => {
    const tests = {
      "test/a.test.ts": "const res = await fetch(`${baseUrl}/api/tasks`);\nawait fetch(`http://localhost:3000/api/tasks/${id}`, { method: \"DELETE\" });",
      "test/b.test.ts": 'await app.inject({ method: "POST", url: "/api/tasks", payload: {} });\nawait app.inject({ method: "GET", url: "/api/tasks/" + id });',
    };
    expect(untested(tests)).toEqual([]);
  });

  it("recognises Fastify, Koa and chained Express routes", () => {
    const routes = [
      'fastify.get("/health", async () => ({ ok: true }));',
      'fastify.route({ method: ["PUT", "PATCH"], url: "/tasks/:id", handler: update });',
      'router.get("task", "/tasks/:id", (ctx) => { ctx.body = {}; });',
      'app.route("/users").get(listUsers).post(createUser);',
    ].join("\n");
    expect(untested({}, routes, "src/app.ts")).toEqual(["1", "2", "2", "3", "4", "4"]);
    const tests = { "test/app.test.ts": 'await request(app).get("/health");\nawait request(app).put("/tasks/1");\nawait request(app).patch("/tasks/1");\nawait request(app).get("/tasks/2");\nawait request(app).get("/users");\nawait request(app).post("/users");' };
    expect(untested(tests, routes, "src/app.ts")).toEqual([]);
  });

  it("recognises NestJS controllers with their prefix", () => {
    const controller = ['@Controller("tasks")', "export class TasksController {", "  @Get()", "  list() { return []; }", '  @Get(":id")', "  one(@Param(\"id\") id: string) { return id; }", "}"].join("\n");
    expect(untested({}, controller, "src/tasks.controller.ts")).toEqual(["3", "5"]);
    expect(untested({ "test/tasks.e2e-spec.ts": 'await request(app.getHttpServer()).get("/tasks/7").expect(200);' }, controller, "src/tasks.controller.ts")).toEqual(["3"]);
  });

  it("ignores HTTP clients and map look-ups in application code", () => {
    const code = 'const res = await axios.get("/tasks", { headers });\nconst value = cache.get("/tasks");\nconst item = map.get(key);';
    expect(untested({}, code, "src/client.ts")).toEqual([]);
  });

  it("ignores routes declared in tests, and stays silent when a same-named test cannot be read", () => {
    expect(untested({}, ROUTES, "test/fake-server.test.ts")).toEqual([]);
    const context = makeContext({ changed: { "src/routes/tasks.ts": ROUTES }, otherPaths: ["test/tasks.test.ts"] });
    expect(routeUntestedCheck.run(context)).toEqual([]);
  });

  it("speaks to a learner", () => {
    const [finding] = routeUntestedCheck.run(makeContext({ changed: { "src/routes/tasks.ts": ROUTES } }));
    expect(finding?.message).toMatch(/^Add a test/);
    expect(finding?.message).not.toMatch(/\b(just|simply)\b/i);
  });
});
