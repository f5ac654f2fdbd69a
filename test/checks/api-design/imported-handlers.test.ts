/**
 * Handlers defined in a controller module and registered in a route module: the api-design rules read them where
 * they are defined, with the route's method, path and middlewares, from the project files the engine gives its
 * rules in their settings.
 */
import { Linter, type Rule } from "eslint";
import { PROJECT_SETTINGS_KEY } from "../../../src/contract/check.js";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { bodyUnvalidatedCheck } from "../../../src/checks/api-design/body-unvalidated.js";
import { createStatusCheck } from "../../../src/checks/api-design/create-status.js";
import { listUnboundedCheck } from "../../../src/checks/api-design/list-unbounded.js";
import { methodMismatchCheck } from "../../../src/checks/api-design/method-mismatch.js";
import { notFoundStatusCheck } from "../../../src/checks/api-design/not-found-status.js";

const checks = [bodyUnvalidatedCheck, createStatusCheck, listUnboundedCheck, methodMismatchCheck, notFoundStatusCheck];
const linter = new Linter({ configType: "flat" });

/** Lints one file of a project with every api-design route rule; the other files reach the rules as project files. */
function lint(files: Record<string, string>, path: string): { ruleId: string; line: number }[] {
  const project = { contents: new Map(Object.entries(files)), reviewed: new Set(Object.keys(files)) };
  const rules: Record<string, Rule.RuleModule> = Object.fromEntries(checks.map((check) => [check.id, check.rule]));
  const messages = linter.verify(
    files[path] ?? "",
    [
      {
        files: ["**/*.{js,ts}"],
        languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
        plugins: { a: { rules } },
        rules: Object.fromEntries(checks.map((check) => [`a/${check.id}`, "error"])),
      },
      { settings: { [PROJECT_SETTINGS_KEY]: project } },
    ],
    { filename: path },
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => ({ ruleId: (message.ruleId ?? "").replace(/^a\//, ""), line: message.line }));
}

const ROUTES_ESM = [
  'import { Router } from "express";',
  'import * as tasks from "../controllers/tasks.js";',
  'import { remove } from "../controllers/tasks.js";',
  "export const router = Router();",
  'router.get("/tasks", tasks.list);',
  'router.post("/tasks", tasks.create);',
  'router.get("/tasks/:id", tasks.show);',
  'router.delete("/tasks/:id", remove);',
  "",
].join("\n");

const CONTROLLER_ESM = [
  'import { pool } from "../db.js";',
  "export async function list(req, res) {",
  '  const { rows } = await pool.query("SELECT id, title FROM tasks ORDER BY id");',
  "  res.json(rows);",
  "}",
  "export const create = async (req, res) => {",
  "  const { title } = req.body;",
  '  const { rows } = await pool.query("INSERT INTO tasks (title) VALUES ($1) RETURNING *", [title]);',
  "  res.json(rows[0]);",
  "};",
  "export async function show(req, res) {",
  '  const { rows } = await pool.query("SELECT id, title FROM tasks WHERE id = $1", [req.params.id]);',
  "  res.json(rows[0]);",
  "}",
  "export async function remove(req, res) {",
  '  await pool.query("DELETE FROM tasks WHERE id = $1", [req.body.id]);',
  "  res.status(204).end();",
  "}",
  "",
].join("\n");

describe("api-design rules on handlers defined in another module", () => {
  const project = { "src/routes/tasks.js": ROUTES_ESM, "src/controllers/tasks.js": CONTROLLER_ESM };

  it("report in the controller, on the handler's own code, with the route's method and path", () => {
    const found = lint(project, "src/controllers/tasks.js");
    expect(found).toEqual(
      expect.arrayContaining([
        { ruleId: "list-unbounded", line: 3 },
        { ruleId: "body-unvalidated", line: 6 },
        { ruleId: "create-status", line: 9 },
        { ruleId: "not-found-status", line: 13 },
        { ruleId: "method-mismatch", line: 15 },
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it("say nothing in the route file, which holds no handler code", () => {
    expect(lint(project, "src/routes/tasks.js")).toEqual([]);
  });

  it("see the route's validation middleware in the other file", () => {
    const validated = {
      ...project,
      "src/routes/tasks.js": ROUTES_ESM.replace(
        'router.post("/tasks", tasks.create);',
        'router.post("/tasks", validate(TaskInput), tasks.create);',
      ),
    };
    expect(lint(validated, "src/controllers/tasks.js").map((found) => found.ruleId)).not.toContain("body-unvalidated");
  });

  it("follow CommonJS: require, module.exports = { ... }, exports.name, and wrapped handlers", () => {
    const routes = [
      'const express = require("express");',
      'const controller = require("../controllers/tasks");',
      'const { create } = require("../controllers/tasks");',
      "const router = express.Router();",
      'router.get("/tasks", controller.list);',
      'router.post("/tasks", create);',
      "module.exports = router;",
      "",
    ].join("\n");
    const controller = [
      "const list = asyncHandler(async (req, res) => {",
      "  res.json(await Task.findAll());",
      "});",
      "exports.create = async (req, res) => {",
      "  const { title } = req.body;",
      "  res.json(await Task.create({ title }));",
      "};",
      "module.exports.list = list;",
      "",
    ].join("\n");
    const found = lint(
      { "src/routes/tasks.js": routes, "src/controllers/tasks.js": controller },
      "src/controllers/tasks.js",
    );
    expect(found.map((entry) => entry.ruleId).sort()).toEqual(["body-unvalidated", "create-status", "list-unbounded"]);
  });

  it("read only this file when the engine gives no project files, and ignore modules no route imports", () => {
    const rules = Object.fromEntries(checks.map((check) => [check.id, check.rule]));
    const alone = linter.verify(
      CONTROLLER_ESM,
      [
        {
          languageOptions: { parser: tseslint.parser, sourceType: "module" },
          plugins: { a: { rules } },
          rules: Object.fromEntries(checks.map((check) => [`a/${check.id}`, "error"])),
        },
      ],
      { filename: "src/controllers/tasks.js" },
    );
    expect(alone).toEqual([]);
    expect(
      lint(
        {
          "src/controllers/tasks.js": CONTROLLER_ESM,
          "src/routes/other.js":
            'import { Router } from "express";\nconst r = Router();\nr.get("/x", (req, res) => res.json({}));\n',
        },
        "src/controllers/tasks.js",
      ),
    ).toEqual([]);
  });
});
