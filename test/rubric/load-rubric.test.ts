import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRubricIds, loadRubric, parseRubric, RubricNotFoundError } from "../../src/rubric/load-rubric.js";
import { parseRepoConfig } from "../../src/review/parse-repo-config.js";
import { jsonSchemas } from "../../src/validation/json-schemas.js";
import { ValidationError } from "../../src/validation/validation-error.js";
import { checksById } from "../../src/checks/registry.js";
import { testRegistry } from "../review/test-checks.js";

const valid = `
id: mine
title: My rubric
criteria:
  - id: clean-code
    title: Clean code
    levels: [{ name: ok, min: 0 }]
    checks:
      - id: eq-test
        level: essential
`;

function issuesOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseRubric", () => {
  it("accepts a valid rubric and fills defaults", () => {
    const rubric = parseRubric(valid, "mine.yml", testRegistry);
    expect(rubric).toMatchObject({
      id: "mine",
      failOn: "essential",
      criteria: [{ id: "clean-code", points: 10, checks: [{ id: "eq-test", level: "essential" }] }],
    });
  });

  it("names the file, the property path and what was expected", () => {
    const error = issuesOf(() =>
      parseRubric(valid.replace("level: essential", "level: urgent"), "rubrics/mine.yml", testRegistry),
    );
    expect(error.file).toBe("rubrics/mine.yml");
    expect(error.issues).toEqual([
      {
        path: "criteria[0].checks[0].level",
        expected: expect.stringMatching(/essential.*actionable/),
        received: '"urgent"',
      },
    ]);
    expect(error.message).toContain("rubrics/mine.yml: criteria[0].checks[0].level");
  });

  it("rejects an unknown check id", () => {
    const error = issuesOf(() => parseRubric(valid.replace("eq-test", "no-such-check"), "mine.yml", testRegistry));
    expect(error.issues).toEqual([
      {
        path: "criteria[0].checks[0].id",
        expected: expect.stringContaining("a known check id"),
        received: '"no-such-check"',
      },
    ]);
  });

  it("rejects an unknown key instead of ignoring it", () => {
    const error = issuesOf(() =>
      parseRubric(valid.replace("title: My rubric", "title: My rubric\nweigth: 3"), "mine.yml", testRegistry),
    );
    expect(error.issues).toEqual([{ path: "weigth", expected: "only known properties (unknown key)" }]);
  });

  it("reports a YAML syntax error with its line", () => {
    const error = issuesOf(() => parseRubric("id: [unclosed\n", "bad.yml", testRegistry));
    expect(error.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
    expect(error.issues[0]?.expected).toMatch(/^valid YAML/);
  });

  it("requires a level every score can reach, and unique criterion ids", () => {
    const noFloor = issuesOf(() => parseRubric(valid.replace("min: 0", "min: 50"), "mine.yml", testRegistry));
    expect(noFloor.issues[0]?.path).toBe("criteria[0].levels");
    const twice = valid + valid.split("criteria:\n")[1];
    const duplicate = issuesOf(() => parseRubric(twice, "mine.yml", testRegistry));
    expect(duplicate.issues.map((issue) => issue.path)).toContain("criteria[1].id");
  });
});

describe("check options", () => {
  const withOptions = (options: string): string =>
    valid.replace(
      "      - id: eq-test\n        level: essential",
      `      - id: parse-error\n      - id: long-function\n        options: ${options}`,
    );

  it("accepts options that match the check's schema", () => {
    const rubric = parseRubric(withOptions("{ max: 40 }"), "mine.yml", checksById);
    expect(rubric.criteria[0]?.checks[1]).toMatchObject({ id: "long-function", options: { max: 40 } });
  });

  it("names the rubric file and the option's property path when an option has the wrong type", () => {
    const error = issuesOf(() => parseRubric(withOptions('{ max: "x" }'), "rubrics/mine.yml", checksById));
    expect(error.file).toBe("rubrics/mine.yml");
    expect(error.issues).toEqual([
      { path: "criteria[0].checks[1].options.max", expected: "a number", received: '"x"' },
    ]);
    expect(error.message).toMatch(
      /^rubrics\/mine\.yml: criteria\[0\]\.checks\[1\]\.options\.max: expected a number; got "x"$/,
    );
  });

  it("rejects an out-of-range value, an unknown option, and options on a check that takes none", () => {
    expect(
      issuesOf(() => parseRubric(withOptions("{ max: 2 }"), "mine.yml", checksById)).issues.map((issue) => issue.path),
    ).toEqual(["criteria[0].checks[1].options.max"]);
    expect(issuesOf(() => parseRubric(withOptions("{ maxx: 40 }"), "mine.yml", checksById)).issues).toEqual([
      { path: "criteria[0].checks[1].options.maxx", expected: "only known properties (unknown key)" },
    ]);
    const noOptions = valid
      .replace("eq-test", "parse-error")
      .replace("level: essential", "level: essential\n        options: { strict: true }");
    expect(issuesOf(() => parseRubric(noOptions, "mine.yml", checksById)).issues).toEqual([
      { path: "criteria[0].checks[0].options.strict", expected: 'no options: check "parse-error" takes none' },
    ]);
  });

  it("checks an option nested in an array, by index", () => {
    const consoleLog = valid.replace(
      "      - id: eq-test\n        level: essential",
      "      - id: console-log\n        options: { allow: [warn, 3] }",
    );
    expect(issuesOf(() => parseRubric(consoleLog, "mine.yml", checksById)).issues).toEqual([
      { path: "criteria[0].checks[0].options.allow[1]", expected: "a string", received: "3" },
    ]);
  });

  it("accepts the options of every built-in rubric", () => {
    for (const id of builtinRubricIds()) expect(() => loadRubric(id, checksById)).not.toThrow();
  });
});

describe("loadRubric", () => {
  it("loads a rubric file by path and says clearly when one does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "rubric-"));
    writeFileSync(join(dir, "r.yml"), valid.replace("eq-test", "parse-error"));
    expect(loadRubric("r.yml", testRegistry, dir).id).toBe("mine");
    expect(() => loadRubric("nope", testRegistry, dir)).toThrow(RubricNotFoundError);
    expect(() => loadRubric("nope", testRegistry, dir)).toThrow(
      /rubric "nope" not found .*built-in rubrics: .*junior-backend/,
    );
  });
});

describe("parseRepoConfig", () => {
  it("fills defaults for an empty or missing config", () => {
    expect(parseRepoConfig(undefined, ".github/apprentice.yml")).toMatchObject({
      rubric: "junior-backend",
      filter: "added",
      maxInlineComments: 20,
      drafts: false,
    });
  });

  it("names the property path of a bad value", () => {
    const error = issuesOf(() =>
      parseRepoConfig({ filter: "everything", maxInlineComments: "lots" }, ".github/apprentice.yml"),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["filter", "maxInlineComments"]);
  });

  it("caps annotations at 50 by default and accepts 0 to 1000", () => {
    expect(parseRepoConfig({}, ".github/apprentice.yml").maxAnnotations).toBe(50);
    expect(parseRepoConfig({ maxAnnotations: 0 }, ".github/apprentice.yml").maxAnnotations).toBe(0);
    const error = issuesOf(() => parseRepoConfig({ maxAnnotations: 5000 }, ".github/apprentice.yml"));
    expect(error.issues.map((issue) => [issue.path, issue.expected])).toEqual([
      ["maxAnnotations", expect.stringMatching(/1000/)],
    ]);
    expect(issuesOf(() => parseRepoConfig({ maxAnnotations: 2.5 }, ".github/apprentice.yml")).issues[0]!.path).toBe(
      "maxAnnotations",
    );
  });
});

describe("JSON Schemas for editors", () => {
  it("are up to date with the zod schemas (run scripts/generate-schemas.ts)", () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(file, "utf8")), file).toEqual(schema);
    }
  });
});
