import { describe, expect, it } from "vitest";
import { importBindings } from "../../../src/checks/shared/import-bindings.js";
import { parseFile } from "../../../src/syntax/parse-file.js";
import { joinPaths } from "../../../src/checks/shared/route-resolver.js";
import { routeMounts } from "../../../src/checks/shared/route-mounts.js";

function parseSource(path: string, code: string) {
  const source = parseFile(path, code);
  if (!source) throw new Error(`${path} does not parse`);
  return source;
}

describe("routeMounts", () => {
  it("finds Express, Hono, Fastify and koa-router mounts", () => {
    const code = [
      'app.use("/tasks", auth, tasksRouter);',
      "app.use(express.json());",
      "app.use(healthRouter);",
      'app.route("/books", books);',
      'fastify.register(users, { prefix: "/users" });',
      'api.use("/authors", authors.routes());',
      'const router = new Router({ prefix: "/orders" });',
    ].join("\n");
    expect(routeMounts(parseSource("src/app.ts", code))).toEqual([
      { prefix: "/tasks", target: "auth", on: "app" },
      { prefix: "/tasks", target: "tasksRouter", on: "app" },
      { prefix: "", target: "healthRouter", on: "app" },
      { prefix: "/books", target: "books", on: "app" },
      { prefix: "/users", target: "users", on: "fastify" },
      { prefix: "/authors", target: "authors", on: "api" },
      { prefix: "/orders", target: "router" },
    ]);
  });
});

describe("importBindings", () => {
  it("maps local names to the module and export they come from", () => {
    const code =
      'import app, { tasksRouter as tasks } from "./app.js";\nconst db = require("./db");\nconst { pool: p } = require("./pool");\nimport type { Task } from "./types.js";';
    const bindings = importBindings(parseSource("src/x.ts", code));
    expect(Object.fromEntries(bindings)).toEqual({
      app: { specifier: "./app.js", imported: "default" },
      tasks: { specifier: "./app.js", imported: "tasksRouter" },
      db: { specifier: "./db", imported: "default" },
      p: { specifier: "./pool", imported: "pool" },
      Task: { specifier: "./types.js", imported: "Task" },
    });
  });
});

describe("joinPaths", () => {
  it("joins a mount prefix and a route path without doubled or trailing slashes", () => {
    expect(joinPaths("/tasks", "/")).toBe("/tasks");
    expect(joinPaths("/tasks/", "/:id")).toBe("/tasks/:id");
    expect(joinPaths("", "/")).toBe("/");
    expect(joinPaths("", "/health")).toBe("/health");
  });
});
