import { describe, expect, it } from "vitest";
import type { CheckContext } from "../../../src/contract/check.js";
import { routeUntestedCheck } from "../../../src/checks/tests/route-untested.js";
import { untestedRoutes } from "../../../src/checks/tests/untested-routes.js";
import { makeContext } from "./make-context.js";

const ROUTES = [
  'import { Router } from "express";',
  "export const router = Router();",
  'router.get("/tasks", listTasks);',
  'router.get("/tasks/:id", async (req, res) => res.json(await find(req.params.id)));',
  'router.post("/tasks", validate, createTask);',
  'router.delete("/tasks/:id", removeTask);',
].join("\n");

/** The project has a test (of something else): with none at all, test-missing reports the project once instead. */
const ANOTHER_TEST = { "test/health.test.ts": "it('is up', () => {});" };

/** The untested routes the check finds, as "line" or "line path", over every file. */
function untestedIn(context: CheckContext, withPath = false): string[] {
  return untestedRoutes(context).files.flatMap(({ routes }) =>
    routes.map((route) => (withPath ? `${route.line} ${route.path}` : `${route.line}`)),
  );
}

function untested(tests: Record<string, string>, routes = ROUTES, path = "src/routes/tasks.ts") {
  return untestedIn(makeContext({ changed: { [path]: routes }, related: { ...ANOTHER_TEST, ...tests } }));
}

describe("route-untested", () => {
  it("reports the routes no test requests in one finding per file, at the first of them", () => {
    const findings = routeUntestedCheck.run(
      makeContext({
        changed: { "src/routes/tasks.ts": ROUTES },
        related: { "test/tasks.test.ts": 'await request(app).get("/tasks").expect(200);' },
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/routes/tasks.ts", line: 4 });
    expect(findings[0]?.message).toBe(
      "Add tests for the 3 routes here that no test sends a request to: GET `/tasks/:id` (line 4), POST `/tasks` (line 5), " +
        'DELETE `/tasks/:id` (line 6). Start with the first and check its response, for example with supertest: `await request(app).get("/tasks/1").expect(200)`. ' +
        "A route is a promise to every client that calls it; a test keeps that promise as the code around it changes.",
    );
  });

  it("names one untested route the way a single route is asked for", () => {
    const [finding, ...rest] = routeUntestedCheck.run(
      makeContext({
        changed: { "src/routes.ts": 'router.get("/tasks", list);\nrouter.post("/tasks", create);' },
        related: { "test/a.test.ts": 'await request(app).get("/tasks");' },
      }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2 });
    expect(finding?.message).toMatch(/^Add a test that sends POST to `\/tasks` and checks the response/);
  });

  it("reports each file with untested routes once, and counts routes beyond the first eight", () => {
    const many = Array.from({ length: 11 }, (_, index) => `router.get("/r${index}", handler);`).join("\n");
    const findings = routeUntestedCheck.run(
      makeContext({ changed: { "src/routes/many.ts": many, "src/routes/tasks.ts": ROUTES }, related: ANOTHER_TEST }),
    );
    expect(findings.map((finding) => `${finding.path}:${finding.line}`)).toEqual([
      "src/routes/many.ts:1",
      "src/routes/tasks.ts:3",
    ]);
    expect(findings[0]?.message).toContain("the 11 routes here");
    expect(findings[0]?.message).toContain("GET `/r7` (line 8), and 3 more.");
    expect(findings[0]?.message).not.toContain("/r8");
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
    const tests = {
      "test/tasks.test.ts":
        'await request(app).get("/tasks").expect(200);\nawait request(app).get("/tasks/1");\nawait request(app).get("/tasks/1");',
    };
    expect(untested(tests)).toEqual(["5", "6"]);
  });

  it("understands fetch with a base URL, inject, and a router mounted under a prefix", () => {
    const tests = {
      "test/a.test.ts":
        'const res = await fetch(`${baseUrl}/api/tasks`);\nawait fetch(`http://localhost:3000/api/tasks/${id}`, { method: "DELETE" });',
      "test/b.test.ts":
        'await app.inject({ method: "POST", url: "/api/tasks", payload: {} });\nawait app.inject({ method: "GET", url: "/api/tasks/" + id });',
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
    const tests = {
      "test/app.test.ts":
        'await request(app).get("/health");\nawait request(app).put("/tasks/1");\nawait request(app).patch("/tasks/1");\nawait request(app).get("/tasks/2");\nawait request(app).get("/users");\nawait request(app).post("/users");',
    };
    expect(untested(tests, routes, "src/app.ts")).toEqual([]);
  });

  it("recognises NestJS controllers with their prefix", () => {
    const controller = [
      '@Controller("tasks")',
      "export class TasksController {",
      "  @Get()",
      "  list() { return []; }",
      '  @Get(":id")',
      '  one(@Param("id") id: string) { return id; }',
      "}",
    ].join("\n");
    expect(untested({}, controller, "src/tasks.controller.ts")).toEqual(["3", "5"]);
    expect(
      untested(
        { "test/tasks.e2e-spec.ts": 'await request(app.getHttpServer()).get("/tasks/7").expect(200);' },
        controller,
        "src/tasks.controller.ts",
      ),
    ).toEqual(["3"]);
  });

  it("ignores HTTP clients and map look-ups in application code", () => {
    const code =
      'const res = await axios.get("/tasks", { headers });\nconst value = cache.get("/tasks");\nconst item = map.get(key);';
    expect(untested({}, code, "src/client.ts")).toEqual([]);
  });

  it("ignores routes declared in tests, and stays silent when a same-named test cannot be read", () => {
    expect(untested({}, ROUTES, "test/fake-server.test.ts")).toEqual([]);
    const context = makeContext({ changed: { "src/routes/tasks.ts": ROUTES }, otherPaths: ["test/tasks.test.ts"] });
    expect(routeUntestedCheck.run(context)).toEqual([]);
  });

  it("speaks to a learner", () => {
    const [finding] = routeUntestedCheck.run(
      makeContext({ changed: { "src/routes/tasks.ts": ROUTES }, related: ANOTHER_TEST }),
    );
    expect(finding?.message).toMatch(/^Add tests for the 4 routes here/);
    expect(finding?.message).not.toMatch(/\b(just|simply)\b/i);
  });
});

describe("route-untested with URLs kept in constants", () => {
  it("follows const strings used as the URL or inside a template", () => {
    const tests = {
      "test/tasks.test.ts": [
        'const TASKS = "/tasks";',
        "await request(app).get(TASKS).expect(200);",
        "await request(app).get(`${TASKS}/${id}`).expect(200);",
        "await request(app).post(TASKS).send({}).expect(201);",
        'const url = "/tasks/7";',
        'await app.inject({ method: "DELETE", url });',
      ].join("\n"),
    };
    expect(untested(tests)).toEqual([]);
  });

  it("follows each name to its nearest declaration", () => {
    const tests = {
      "test/tasks.test.ts":
        'it("a", async () => { const url = "/tasks"; await request(app).get(url); });\nit("b", async () => { const url = "/users"; await request(app).post(url); });\nit("c", async () => { await request(app).post(url); });',
    };
    // GET /tasks and POST /users are requested; POST /tasks is not
    expect(untested(tests)).toEqual(["4", "5", "6"]);
  });
});

describe("route-untested examples", () => {
  it("shows a request in the style of the route's method and framework", () => {
    const messages = (code: string) =>
      routeUntestedCheck
        .run(makeContext({ changed: { "src/routes.ts": code }, related: ANOTHER_TEST }))
        .map((finding) => finding.message);
    expect(messages('router.post("/tasks", create);')[0]).toContain(
      '`await request(app).post("/tasks").send(validBody).expect(201)`',
    );
    expect(messages('router.delete("/tasks/:id", remove);')[0]).toContain(
      '`await request(app).delete("/tasks/1").expect(204)`',
    );
    expect(
      messages('import Fastify from "fastify";\nconst app = Fastify();\napp.patch("/tasks/:id", update);')[0],
    ).toContain('with Fastify\'s inject: `await app.inject({ method: "PATCH", url: "/tasks/1", payload: validBody })`');
  });
});

describe("route-untested with routers mounted under a prefix", () => {
  const SEARCH =
    'import { Router } from "express";\nexport const searchRouter = Router();\nsearchRouter.get("/", search);\nsearchRouter.get("/:id", one);\n';
  const APP =
    'import express from "express";\nimport { searchRouter } from "./routes/search.js";\nexport const app = express();\napp.use("/search", searchRouter);\n';

  function findings(tests: Record<string, string>, app = APP) {
    return untestedIn(
      makeContext({ changed: { "src/routes/search.ts": SEARCH, "src/app.ts": app }, related: tests }),
      true,
    );
  }

  it("gives routes their mounted path, so requests elsewhere do not count", () => {
    expect(findings({ "test/tasks.test.ts": 'await request(app).get("/tasks");' })).toEqual([
      "3 /search",
      "4 /search/:id",
    ]);
    expect(
      findings({
        "test/search.test.ts": 'await request(app).get("/search?q=milk");\nawait request(app).get("/search/7");',
      }),
    ).toEqual([]);
  });

  it("follows default imports, CommonJS require, and nested routers", () => {
    const defaultExport =
      'import express from "express";\nimport search from "./routes/search.js";\nexport const app = express();\napp.use("/find", search);\n';
    expect(findings({ "test/a.test.ts": 'await request(app).get("/find");' }, defaultExport)).toEqual(["4 /find/:id"]);
    const required =
      'const express = require("express");\nconst { searchRouter } = require("./routes/search");\nconst app = express();\napp.use("/s", searchRouter);\nmodule.exports = app;\n';
    expect(findings({ "test/a.test.ts": 'await request(app).get("/s/1");' }, required)).toEqual(["3 /s"]);
    const nested =
      'import { Router } from "express";\nimport { searchRouter } from "./routes/search.js";\nexport const api = Router();\napi.use("/search", searchRouter);\napp.use("/api/v1", api);\n';
    expect(findings({ "test/a.test.ts": 'await request(app).get("/api/v1/search");' }, nested)).toEqual([
      "4 /api/v1/search/:id",
    ]);
  });

  it("gives a router's root route the benefit of the doubt when its mount is unknown", () => {
    const context = makeContext({
      changed: { "src/routes/search.ts": SEARCH },
      related: { "test/a.test.ts": 'await request(app).get("/search/1");' },
    });
    expect(routeUntestedCheck.run(context)).toEqual([]);
  });

  it("still checks the app's own root route", () => {
    const context = makeContext({
      changed: { "src/app.ts": 'app.get("/", home);' },
      related: { "test/a.test.ts": 'await request(app).get("/tasks");' },
    });
    expect(untestedIn(context)).toEqual(["1"]);
  });

  it("reads koa-router prefixes and Fastify register prefixes", () => {
    const koa =
      'import Router from "@koa/router";\nexport const router = new Router({ prefix: "/books" });\nrouter.get("/:id", one);\n';
    const context = makeContext({
      changed: { "src/books.ts": koa },
      related: { "test/a.test.ts": 'await request(server).get("/books/1");' },
    });
    expect(routeUntestedCheck.run(context)).toEqual([]);
    const plugin = 'export default async function books(app) {\n  app.get("/", list);\n}\n';
    const main =
      'import Fastify from "fastify";\nimport books from "./books.js";\nconst app = Fastify();\napp.register(books, { prefix: "/books" });\n';
    const fastify = makeContext({
      changed: { "src/books.ts": plugin, "src/app.ts": main },
      related: { "test/a.test.ts": 'await app.inject({ method: "GET", url: "/authors" });' },
    });
    expect(routeUntestedCheck.run(fastify).map((finding) => finding.message)).toEqual([
      expect.stringContaining("GET to `/books`"),
    ]);
  });
});

describe("route-untested with end-to-end tests in their own folders", () => {
  const BOOKS =
    'import { Router } from "express";\nexport const books = Router();\nbooks.get("/:id", one);\nbooks.delete("/:id", remove);\n';
  const API =
    'import { Router } from "express";\nimport { books } from "./books.js";\nexport const api = Router();\napi.use("/books", books);\n';
  const APP =
    'import express from "express";\nimport { api } from "./routes/api.js";\nexport const app = express();\napp.use("/api/v2", api);\n';

  function findings(tests: Record<string, string>) {
    const context = makeContext({
      changed: { "src/routes/books.ts": BOOKS },
      related: { "src/routes/api.ts": API, "src/app.ts": APP, ...tests },
    });
    return untestedIn(context, true);
  }

  it("follows mounts across three files and reads tests under e2e folders and browser visits", () => {
    expect(findings({ "e2e/books.spec.ts": 'await request(baseUrl).get("/api/v2/books/1").expect(200);' })).toEqual([
      "4 /api/v2/books/:id",
    ]);
    expect(findings({ "integration-tests/books.js": 'await page.goto("/api/v2/books/3");' })).toEqual([
      "4 /api/v2/books/:id",
    ]);
    expect(
      findings({ "cypress/e2e/books.cy.js": 'cy.visit("/api/v2/books/3");\ncy.request("DELETE", "/api/v2/books/3");' }),
    ).toEqual(["4 /api/v2/books/:id"]);
  });

  it("does not count a browser visit as a DELETE, nor a request under another prefix", () => {
    expect(findings({ "e2e/books.spec.ts": 'await page.goto("/api/v1/books/1");' })).toEqual([
      "3 /api/v2/books/:id",
      "4 /api/v2/books/:id",
    ]);
  });
});

describe("route-untested in a change", () => {
  const FILE = [
    'import { Router } from "express";',
    "export const router = Router();",
    'router.get("/tasks", list);',
    'router.get("/tasks/:id", one);',
    'router.post("/tasks", create);',
    'router.delete("/tasks/:id", remove);',
  ].join("\n");

  function inChange(addedLines: number[]) {
    const context = makeContext({ changed: { "src/routes/tasks.ts": FILE }, related: ANOTHER_TEST });
    const [file] = context.files;
    if (file) file.addedLines = new Set(addedLines);
    return routeUntestedCheck.run(context);
  }

  it("points at the route the change added, and counts the file's older untested routes", () => {
    const findings = inChange([5]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5 });
    expect(findings[0]?.message).toMatch(/^Add a test that sends POST to `\/tasks`/);
    expect(findings[0]?.message).toMatch(/ 3 older routes of this file have none either\.$/);
  });

  it("lists the routes the change added, anchored at the first of them", () => {
    const findings = inChange([4, 6]);
    expect(findings.map((finding) => finding.line)).toEqual([4]);
    expect(findings[0]?.message).toContain("the 2 routes here");
    expect(findings[0]?.message).toContain("GET `/tasks/:id` (line 4), DELETE `/tasks/:id` (line 6)");
    expect(findings[0]?.message).toMatch(/ 2 older routes of this file have none either\.$/);
  });

  it("reports the whole file at its first untested route when the change added none of them", () => {
    const findings = inChange([1]);
    expect(findings.map((finding) => finding.line)).toEqual([3]);
    expect(findings[0]?.message).toContain("the 4 routes here");
    expect(findings[0]?.message).not.toContain("older");
  });
});

describe("route-untested in a project with no test at all", () => {
  const USERS = 'import { Router } from "express";\nexport const users = Router();\nusers.get("/users", list);\n';

  it("gives the whole project one finding that lists its route files and their routes", () => {
    const findings = routeUntestedCheck.run(
      makeContext({ changed: { "src/routes/tasks.ts": ROUTES, "src/routes/users.ts": USERS } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: "noTests", path: "src/routes/tasks.ts", line: 3 });
    expect(findings[0]?.message).toBe(
      "Add a first test: this project has none yet, so no test sends a request to its 5 routes in 2 files: " +
        "`src/routes/tasks.ts` (GET `/tasks`, GET `/tasks/:id`, POST `/tasks`, and 1 more), `src/routes/users.ts` (GET `/users`). " +
        'Start with the routes that matter most, for example with supertest: `await request(app).get("/tasks").expect(200)`. ' +
        "A route is a promise to every client that calls it; a test keeps that promise as the code around it changes.",
    );
  });

  it("sits on a route the change added", () => {
    const context = makeContext({ changed: { "src/routes/tasks.ts": ROUTES, "src/routes/users.ts": USERS } });
    const [tasks, users] = context.files;
    if (tasks && users) {
      tasks.addedLines = new Set([1]);
      users.addedLines = new Set([3]);
    }
    expect(routeUntestedCheck.run(context)).toMatchObject([{ path: "src/routes/users.ts", line: 3 }]);
  });

  it("says nothing when the project has no route", () => {
    expect(routeUntestedCheck.run(makeContext({ changed: { "src/price.ts": "export const price = 1;\n" } }))).toEqual(
      [],
    );
  });
});
