import { describe, expect, it } from "vitest";
import { testMissingCheck } from "../../../src/checks/tests/test-missing.js";
import { testsCompleteCheck } from "../../../src/checks/tests/tests-complete.js";
import { routeUntestedCheck } from "../../../src/checks/tests/route-untested.js";
import { makeContext } from "./make-context.js";

const SERVICE = "export function addTask(title: string) {\n  return { title };\n}\n";

describe("test-missing", () => {
  it("reports a changed module that no test imports, once, file-scoped at line 1", () => {
    const findings = testMissingCheck.run(
      makeContext({
        changed: { "src/tasks.ts": SERVICE },
        related: { "test/users.test.ts": 'import { x } from "../src/users.js";' },
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/tasks.ts", line: 1, scope: "file", messageId: "missingTest" });
    expect(findings[0]?.message).toContain("test/tasks.test.ts");
    expect(findings[0]?.message).not.toMatch(/\b(just|simply)\b/i);
  });

  it("accepts a test that imports the module with a .js extension (TypeScript ESM)", () => {
    const context = makeContext({
      changed: { "src/tasks.ts": SERVICE },
      related: { "test/anything.test.ts": 'import { addTask } from "../src/tasks.js";' },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("accepts imports without extension, through index files, and by require", () => {
    const dirModule = { "src/tasks/index.ts": SERVICE };
    expect(
      testMissingCheck.run(
        makeContext({ changed: dirModule, related: { "test/a.test.ts": 'import { addTask } from "../src/tasks";' } }),
      ),
    ).toEqual([]);
    expect(
      testMissingCheck.run(
        makeContext({
          changed: { "lib/tasks.js": SERVICE },
          related: { "lib/a.spec.js": 'const { addTask } = require("./tasks");' },
        }),
      ),
    ).toEqual([]);
  });

  it("accepts a module exercised through the modules a test imports", () => {
    const context = makeContext({
      changed: { "src/services/task-service.ts": SERVICE },
      related: {
        "src/app.ts": 'import { router } from "./routes/tasks.js";\nexport const app = makeApp(router);',
        "src/routes/tasks.ts":
          'import { addTask } from "../services/task-service.js";\nexport const router = makeRouter(addTask);',
        "test/app.test.ts": 'import { app } from "../src/app.js";\nit("works", () => { expect(app).toBeDefined(); });',
      },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("falls back on name matching when a test's content is unknown", () => {
    const tested = (testPath: string) =>
      testMissingCheck.run(makeContext({ changed: { "src/tasks.ts": SERVICE }, otherPaths: [testPath] }));
    expect(tested("src/tasks.test.ts")).toEqual([]);
    expect(tested("src/tasks.spec.ts")).toEqual([]);
    expect(tested("src/__tests__/tasks.ts")).toEqual([]);
    expect(tested("test/routes/tasks-routes.test.ts")).toEqual([]);
    expect(tested("test/taskslist.test.ts")).toHaveLength(1);
    expect(tested("test/users.test.ts")).toHaveLength(1);
  });

  it("does not use name matching when the test's content is known and does not reach the module", () => {
    const context = makeContext({
      changed: { "src/tasks.ts": SERVICE },
      related: { "src/tasks.test.ts": 'import { other } from "./other.js";' },
    });
    expect(testMissingCheck.run(context)).toHaveLength(1);
  });

  it("counts a changed test in the same change", () => {
    const context = makeContext({
      changed: { "src/tasks.ts": SERVICE, "src/tasks.test.ts": 'import { addTask } from "./tasks.js";' },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("ignores tests, configs, migrations, scripts, declarations, type-only modules, barrels and entry scripts that export nothing", () => {
    const context = makeContext({
      changed: {
        "src/tasks.test.ts": SERVICE,
        "vitest.config.ts": "export default defineConfig({});",
        "migrations/001_init.js": "exports.up = (knex) => knex.schema.createTable('t', () => {});",
        "scripts/seed.ts": "seed();",
        "src/types.d.ts": "declare module 'x';",
        "src/types.ts": "export interface Task { id: number }\nexport type Id = number;",
        "src/index.ts": 'export * from "./a.js";\nexport { b } from "./b.js";',
        "src/constants.ts": "export const PORT = 3000;",
        "src/server.ts": "app.listen(3000);",
        "src/db/run-migrations.ts": 'import { migrate } from "./migrate.js";\nawait migrate(db);',
      },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("skips removed files", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE } });
    context.files[0]!.status = "removed";
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("takes ignore patterns from the rubric options", () => {
    const context = makeContext({
      changed: { "src/generated/client.ts": SERVICE },
      options: { ignore: ["src/generated/**"] },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
    expect(() => testMissingCheck.run(makeContext({ changed: {}, options: { ignore: "src" } }))).toThrow(/ignore/);
  });

  it("suggests a co-located test when the repository keeps tests next to the code", () => {
    const findings = testMissingCheck.run(
      makeContext({ changed: { "src/tasks.ts": SERVICE }, otherPaths: ["src/users.test.ts"] }),
    );
    expect(findings[0]?.message).toContain("src/tasks.test.ts");
  });
});

describe("test-missing when only test contents are known", () => {
  const ROUTER =
    'import { Router } from "express";\nexport const router = Router();\nrouter.get("/tasks", list);\nexport function list() {}\n';

  it("counts a route module whose routes a test requests, though the import trail is unknown", () => {
    const context = makeContext({
      changed: { "src/routes/tasks-router.ts": ROUTER },
      related: {
        "test/app.test.ts":
          'import { app } from "../src/app.js";\nit("lists", () => request(app).get("/api/tasks").expect(200));',
      },
      otherPaths: ["src/app.ts"],
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("matches by name when a test's imports run through a module whose content is unknown", () => {
    const context = makeContext({
      changed: { "src/services/tasks.ts": "export function count() {\n  return 1;\n}\n" },
      related: {
        "test/tasks.test.ts": 'import { app } from "../src/app.js";\nit("x", () => expect(app).toBeDefined());',
      },
      otherPaths: ["src/app.ts"],
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("still reports a module no test reaches, requests or is named after", () => {
    const context = makeContext({
      changed: { "src/services/billing.ts": "export function charge() {\n  return 1;\n}\n" },
      related: {
        "test/tasks.test.ts":
          'import { app } from "../src/app.js";\nit("x", () => request(app).get("/tasks").expect(200));',
      },
      otherPaths: ["src/app.ts"],
    });
    expect(testMissingCheck.run(context).map((finding) => finding.path)).toEqual(["src/services/billing.ts"]);
  });
});

describe("test-missing and route modules", () => {
  it("leaves a route module that no test requests to route-untested, and does not count loading it through app.ts", () => {
    const context = makeContext({
      changed: {
        "src/routes/search.ts":
          'import { Router } from "express";\nexport const searchRouter = Router();\nsearchRouter.get("/", search);\n',
        "src/app.ts":
          'import { searchRouter } from "./routes/search.js";\nexport const app = express();\napp.use("/search", searchRouter);\n',
      },
      related: {
        "test/app.test.ts":
          'import { app } from "../src/app.js";\nit("lists", () => request(app).get("/tasks").expect(200));',
      },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
    expect(testsCompleteCheck.run(context)).toEqual([]);
  });
});

describe("test-missing and test helpers", () => {
  it("counts a route module a test helper imports to build a test app", () => {
    const context = makeContext({
      changed: {
        "src/routes/search.ts":
          'import { Router } from "express";\nexport const searchRouter = Router();\nsearchRouter.get("/", search);\n',
      },
      related: {
        "test/helpers/test-app.ts":
          'import { searchRouter } from "../../src/routes/search.js";\nexport const testApp = makeApp(searchRouter);',
        "test/search.test.ts":
          'import { testApp } from "./helpers/test-app.js";\nit("x", () => expect(testApp).toBeDefined());',
      },
    });
    expect(testsCompleteCheck.run(context)).toMatchObject([{ path: "src/routes/search.ts" }]);
  });
});

describe("a project with no test at all", () => {
  const ROUTES =
    'import { Router } from "express";\nexport const router = Router();\nrouter.get("/tasks", (req, res) => res.json([]));\n';

  it("gets one test-missing finding that lists the untested modules and route modules", () => {
    const context = makeContext({
      changed: { "src/tasks.ts": SERVICE, "src/users.ts": SERVICE, "src/routes/tasks.ts": ROUTES },
    });
    const findings = testMissingCheck.run(context);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: "noTests", line: 1, scope: "file" });
    expect(findings[0]?.message).toContain("this project has none yet");
    expect(findings[0]?.message).toContain("`src/users.ts`");
    expect(findings[0]?.message).toContain("`src/routes/tasks.ts` (its routes)");
    // route-untested lists the routes themselves, in one finding for the project too
    expect(routeUntestedCheck.run(context)).toMatchObject([{ messageId: "noTests", path: "src/routes/tasks.ts" }]);
  });

  it("reports route by route again once a single test exists", () => {
    const context = makeContext({
      changed: { "src/routes/tasks.ts": ROUTES },
      related: { "test/health.test.ts": "it('up', () => {});" },
    });
    expect(routeUntestedCheck.run(context)).toHaveLength(1);
  });
});

describe("test-missing and modules that only wire things", () => {
  const OTHER_TEST = {
    "test/health.test.ts":
      'import { health } from "../src/health.js";\nit("is up", () => expect(health()).toBe("ok"));',
  };
  const missing = (changed: Record<string, string>) =>
    testMissingCheck
      .run(makeContext({ changed, related: OTHER_TEST }))
      .map((finding) => finding.path)
      .sort();

  it("asks no unit test of a NestJS-style module, a DTO or entity class, a plugin that registers another, or an app file that mounts routers", () => {
    expect(
      missing({
        "src/books/books.module.ts":
          "@Module({ imports: [DbModule], providers: [BooksService] })\nexport class BooksModule {}\n",
        "src/books/dto/new-book.dto.ts":
          "export class NewBookDto {\n  @IsString() @MaxLength(200) title!: string;\n  @IsInt() year!: number;\n}\n",
        "src/plugins/cors.ts":
          'import fp from "fastify-plugin";\nexport default fp(async (server) => {\n  await server.register(cors, { origin: process.env.ORIGIN ?? "*" });\n});\n',
        "src/app.ts":
          'import express from "express";\nexport const app = express();\napp.use(express.json());\nif (process.env.NODE_ENV !== "test") app.use(morgan("tiny"));\napp.use("/books", booksRouter);\n',
      }),
    ).toEqual([]);
  });

  it("still asks a test of a module that decides something, or that exports a function or a class with methods", () => {
    expect(
      missing({
        "src/price.ts": "export const priceWithTax = (cents: number) => Math.round(cents * 1.2);\n",
        "src/books/books.service.ts":
          "@Injectable()\nexport class BooksService {\n  list() {\n    return this.repo.find();\n  }\n}\n",
        "src/plugins/auth.ts":
          'export default fp(async (server) => {\n  server.addHook("onRequest", async (request) => {\n    if (!request.headers.authorization) throw new Error("no token");\n  });\n});\n',
        "src/config.ts": 'export const config = { port: Number(process.env.PORT) || fail("PORT") };\n',
      }),
    ).toEqual(["src/books/books.service.ts", "src/config.ts", "src/plugins/auth.ts", "src/price.ts"]);
  });

  it("keeps route modules that only wire handlers for route-untested", () => {
    const routes =
      'import { Router } from "express";\nexport const booksRouter = Router();\nbooksRouter.get("/books", listBooks);\n';
    const context = makeContext({ changed: { "src/routes/books.ts": routes }, related: OTHER_TEST });
    expect(testMissingCheck.run(context)).toEqual([]);
    expect(routeUntestedCheck.run(context).map((finding) => finding.line)).toEqual([3]);
  });
});

describe("test-missing and tests that go through the routes", () => {
  const SHELF =
    'export function shelfOf(book: { genre: string }) {\n  return book.genre === "poetry" ? "P" : "G";\n}\n';
  const ROUTES =
    'import { Router } from "express";\nimport { shelfOf } from "../services/shelf.js";\nexport const books = Router();\nbooks.get("/:id/shelf", async (req, res) => res.json(shelfOf(await find(req.params.id))));\n';
  const API =
    'import { Router } from "express";\nimport { books } from "./books.js";\nexport const api = Router();\napi.use("/books", books);\n';
  const APP =
    'import express from "express";\nimport { api } from "./routes/api.js";\nexport const app = express();\napp.use("/api", api);\n';

  function missing(test: Record<string, string>) {
    const context = makeContext({
      changed: { "src/services/shelf.ts": SHELF },
      related: { "src/routes/books.ts": ROUTES, "src/routes/api.ts": API, "src/app.ts": APP, ...test },
    });
    return testMissingCheck.run(context).map((finding) => finding.path);
  }

  it("counts an end-to-end test that requests a route whose handler calls the module, through nested mounts", () => {
    expect(
      missing({
        "e2e/books.e2e.ts":
          'const base = process.env.BASE_URL;\nit("shelves", async () => expect((await fetch(`${base}/api/books/7/shelf`)).status).toBe(200));',
      }),
    ).toEqual([]);
    expect(
      missing({
        "tests-e2e/books.ts":
          'it("shelves", async () => { await page.goto("/api/books/7/shelf"); await expect(page).toHaveTitle("x"); });',
      }),
    ).toEqual([]);
  });

  it("does not count a request to another route", () => {
    expect(
      missing({
        "e2e/books.e2e.ts": 'it("lists", async () => expect((await fetch(`${base}/api/authors`)).status).toBe(200));',
      }),
    ).toEqual(["src/services/shelf.ts"]);
  });
});
