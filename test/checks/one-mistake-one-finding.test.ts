/**
 * Checks of different criteria that read the same mistake: through the real engine and the built-in rubric, each
 * mistake gets one finding, and each check still speaks when the rubric leaves the other out.
 */
import { describe, expect, it } from "vitest";
import { checksById } from "../../src/checks/registry.js";
import { defaultRepoConfig } from "../../src/contract/repo-config.js";
import type { Rubric } from "../../src/contract/rubric-schema.js";
import type { ReviewInput } from "../../src/contract/types.js";
import { review } from "../../src/review/review.js";
import { loadRubric } from "../../src/rubric/load-rubric.js";

const rubric = loadRubric("junior-backend", checksById);
const without = (criterion: string): Rubric => ({
  ...rubric,
  criteria: rubric.criteria.filter((entry) => entry.id !== criterion),
});

function ruleIds(content: string, used: Rubric = rubric, path = "src/routes/tasks.js"): string[] {
  const input: ReviewInput = {
    files: [{ path, status: "added", content, addedLines: new Set(content.split("\n").map((_, index) => index + 1)) }],
    repoPaths: [path],
    config: defaultRepoConfig,
    rubric: used,
  };
  return review(input, { registry: checksById }).findings.map((finding) => finding.ruleId);
}

const LIST = [
  'import { Router } from "express";',
  'import { pool } from "../db.js";',
  "export const router = Router();",
  'router.get("/tasks", async (req, res) => {',
  '  const { rows } = await pool.query("SELECT id, title FROM tasks ORDER BY id");',
  "  res.json(rows);",
  "});",
  "",
].join("\n");

describe("an unbounded list endpoint", () => {
  it("gets list-unbounded's finding only, not select-unbounded's too", () => {
    const ids = ruleIds(LIST);
    expect(ids.filter((id) => id === "list-unbounded")).toHaveLength(1);
    expect(ids).not.toContain("select-unbounded");
  });

  it("gets select-unbounded's finding when the rubric has no api-design criterion", () => {
    const ids = ruleIds(LIST, without("api-design"));
    expect(ids.filter((id) => id === "select-unbounded")).toHaveLength(1);
  });

  it("still gets select-unbounded on a request path list-unbounded does not read", () => {
    const report = LIST.replace('router.get("/tasks"', 'router.post("/report"');
    expect(ruleIds(report)).toContain("select-unbounded");
  });
});

const WHOLE_BODY = [
  'import { Router } from "express";',
  'import { Task } from "../models/task.js";',
  "export const router = Router();",
  'router.post("/tasks", async (req, res) => {',
  "  const task = await Task.create(req.body);",
  "  res.status(201).json(task);",
  "});",
  "",
].join("\n");

describe("a request body written to the database unchecked", () => {
  it("whole, gets mass-assignment's finding only, not body-unvalidated's too", () => {
    const ids = ruleIds(WHOLE_BODY);
    expect(ids.filter((id) => id === "mass-assignment")).toHaveLength(1);
    expect(ids).not.toContain("body-unvalidated");
  });

  it("whole through a name or a Prisma data property, still one finding", () => {
    for (const line of [
      "  const input = req.body;\n  const task = await Task.create(input);",
      "  const task = await prisma.task.create({ data: req.body });",
    ]) {
      const ids = ruleIds(WHOLE_BODY.replace("  const task = await Task.create(req.body);", line));
      expect(ids, line).toContain("mass-assignment");
      expect(ids, line).not.toContain("body-unvalidated");
    }
  });

  it("field by field, gets body-unvalidated's finding only (mass-assignment has nothing to say)", () => {
    const fields = WHOLE_BODY.replace(
      "  const task = await Task.create(req.body);",
      "  const { title, done } = req.body;\n  const task = await Task.create({ title, done });",
    );
    const ids = ruleIds(fields);
    expect(ids.filter((id) => id === "body-unvalidated")).toHaveLength(1);
    expect(ids).not.toContain("mass-assignment");
  });
});
