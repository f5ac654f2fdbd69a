/**
 * The tests and clean-code checks run through the real engine with the rubric's own entries for them:
 * options reach the rules, learner messages replace ESLint's, file-scoped findings survive the
 * added-lines filter, and fixes become suggestions.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { review } from "../../../src/review/review.js";
import { defaultRepoConfig } from "../../../src/contract/repo-config.js";
import { rubricSchema } from "../../../src/contract/rubric-schema.js";
import type { ChangedFile, ReviewInput } from "../../../src/contract/types.js";
import { checksById } from "../../../src/checks/registry.js";

const fullRubric = parse(readFileSync("rubrics/junior-backend.yml", "utf8")) as { criteria: { id: string }[] };
/** The built-in rubric restricted to the two criteria this suite owns. */
const rubric = rubricSchema.parse({
  ...fullRubric,
  criteria: fullRubric.criteria.filter((criterion) => ["tests", "clean-code"].includes(criterion.id)),
});

function changed(path: string, content: string, addedLines?: number[]): ChangedFile {
  const lines = addedLines ?? content.split("\n").map((_, index) => index + 1);
  return { path, status: "added", content, addedLines: new Set(lines) };
}

function run(
  files: ChangedFile[],
  related: Record<string, string> = {},
  withRubric: ReviewInput["rubric"] = rubric,
): ReturnType<typeof review> {
  const relatedFiles = Object.entries(related).map(([path, content]) => ({ path, content }));
  const input: ReviewInput = {
    files,
    repoPaths: [...files.map((file) => file.path), ...relatedFiles.map((file) => file.path)],
    relatedFiles,
    config: defaultRepoConfig,
    rubric: withRubric,
  };
  return review(input, { registry: checksById });
}

const ROUTES = [
  'import { Router } from "express";',
  'import { findTask } from "./task-store.js";',
  "export const router = Router();",
  'router.get("/tasks/:id", async (req, res) => {',
  "  const task = await findTask(Number(req.params.id));",
  "  if (task == undefined) return res.status(404).end();",
  "  console.log(task);",
  "  res.json(task);",
  "});",
].join("\n");
const STORE = "export async function findTask(id: number) {\n  return { id };\n}\n";

describe("tests and clean-code checks through the review engine", () => {
  it("reports an untested module and route, and clean-code problems, in a learner's words", () => {
    const result = run([changed("src/routes.ts", ROUTES), changed("src/task-store.ts", STORE)], {
      "test/health.test.ts": "it('is up', () => {});",
    });
    const byRule = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId);
    // the route module is reported route by route, by route-untested
    expect(byRule("test-missing").map((finding) => finding.path)).toEqual(["src/task-store.ts"]);
    expect(byRule("route-untested")).toMatchObject([
      { path: "src/routes.ts", line: 4, level: "actionable", criterion: "tests" },
    ]);
    expect(byRule("strict-equality")).toMatchObject([
      { line: 6, suggestion: "  if (task === undefined) return res.status(404).end();" },
    ]);
    expect(byRule("strict-equality")[0]?.message).toMatch(/^Use `===` instead of `==`/);
    expect(byRule("console-log")[0]?.message).toMatch(/^Remove this `console` call/);
    expect(byRule("tests-complete")).toEqual([]);
    for (const finding of result.findings) expect(finding.message).not.toMatch(/\b(just|simply)\b/i);
  });

  it("praises a change whose modules all have tests, and checks the tests themselves", () => {
    const test = [
      'import request from "supertest";',
      'import { router } from "../src/routes.js";',
      'it("finds a task", async () => {',
      '  await request(makeApp(router)).get("/tasks/1").expect(200);',
      "});",
      'it.only("is focused", () => {',
      "  findTask(1);",
      "});",
    ].join("\n");
    const result = run([
      changed("src/routes.ts", ROUTES),
      changed("src/task-store.ts", STORE),
      changed("test/routes.test.ts", test),
    ]);
    const ids = result.findings.map((finding) => finding.ruleId);
    expect(ids).not.toContain("test-missing");
    expect(ids).not.toContain("route-untested");
    expect(result.findings.find((finding) => finding.ruleId === "tests-complete")).toMatchObject({
      level: "celebratory",
      path: "src/routes.ts",
      line: 1,
    });
    expect(result.findings.find((finding) => finding.ruleId === "test-only")).toMatchObject({
      level: "essential",
      line: 6,
      suggestion: 'it("is focused", () => {',
    });
    expect(result.findings.find((finding) => finding.ruleId === "test-without-assertion")).toMatchObject({
      path: "test/routes.test.ts",
      line: 6,
    });
    // console.log in a test file is fine
    expect(
      result.findings.filter((finding) => finding.ruleId === "console-log").map((finding) => finding.path),
    ).toEqual(["src/routes.ts"]);
  });

  it("points a pull request's route-untested comment at the route it added", () => {
    const routes = ROUTES + '\nrouter.delete("/tasks/:id", removeTask);\nrouter.post("/tasks", createTask);';
    const modified = { ...changed("src/routes.ts", routes, [11]), status: "modified" as const };
    const result = run([modified], { "test/health.test.ts": "it('is up', () => {});" });
    expect(result.findings.filter((finding) => finding.ruleId === "route-untested")).toMatchObject([
      { line: 11, message: expect.stringMatching(/^Add a test that sends POST to `\/tasks`.* 2 older routes/) },
    ]);
  });

  it("keeps a whole-module finding when only one line of the module changed", () => {
    const result = run([changed("src/task-store.ts", STORE, [2])]);
    expect(result.findings.filter((finding) => finding.ruleId === "test-missing")).toMatchObject([
      { path: "src/task-store.ts", line: 1 },
    ]);
  });

  it("reads tests from related files the adapter provides", () => {
    const result = run([changed("src/task-store.ts", STORE)], {
      "src/task-store.test.ts":
        'import { findTask } from "./task-store.js";\nit("x", () => expect(findTask(1)).resolves.toEqual({ id: 1 }));',
    });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["tests-complete"]);
  });

  /** A function with `branches` ifs: a cyclomatic complexity of branches + 1. */
  const branchy = (name: string, branches: number) =>
    `export function ${name}(n: number) {\n` +
    Array.from({ length: branches }, (_, index) => `  if (n === ${index}) return ${index};\n`).join("") +
    "  return -1;\n}\n";
  const complexityOf = (result: ReturnType<typeof review>) =>
    Object.fromEntries(
      result.findings
        .filter((finding) => finding.ruleId === "complexity")
        .map((finding) => [/`(\w+)`/.exec(finding.message)?.[1], finding.level]),
    );
  const source = branchy("mild", 11) + branchy("tangled", 16) + branchy("fine", 9);

  it("grades complexity in two tiers: informative over 10, the rubric's level over 15", () => {
    expect(complexityOf(run([changed("src/grades.ts", source)]))).toEqual({
      mild: "informative",
      tangled: "actionable",
    });
  });

  it("keeps the rubric's level as the ceiling of both tiers", () => {
    const atLevel = (level: "essential" | "informative") =>
      rubricSchema.parse({
        ...rubric,
        criteria: rubric.criteria.map((criterion) => ({
          ...criterion,
          checks: criterion.checks.map((entry) => (entry.id === "complexity" ? { ...entry, level } : entry)),
        })),
      });
    expect(complexityOf(run([changed("src/grades.ts", source)], {}, atLevel("essential")))).toEqual({
      mild: "informative",
      tangled: "essential",
    });
    expect(complexityOf(run([changed("src/grades.ts", source)], {}, atLevel("informative")))).toEqual({
      mild: "informative",
      tangled: "informative",
    });
  });
});
