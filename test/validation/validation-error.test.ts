import { describe, expect, it } from "vitest";
import { z } from "zod";
import { repoConfigSchema } from "../../src/contract/repo-config.js";
import { rubricSchema } from "../../src/contract/rubric-schema.js";
import { parseRepoConfig } from "../../src/review/parse-repo-config.js";
import { formatIssue, parseWith, ValidationError } from "../../src/validation/validation-error.js";

function linesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(formatIssue);
  }
  throw new Error("expected a ValidationError");
}

describe("validation messages read once", () => {
  it("lists every value of an enum, once, with what was found", () => {
    const lines = linesOf(() => parseWith(repoConfigSchema, { filter: "everywhere" }, "c.yml"));
    expect(lines).toEqual(['filter: expected one of "added", "diff_context", "file", "nofilter"; got "everywhere"']);
    expect(lines.join("\n")).not.toMatch(/Invalid|expected .*expected/);
  });

  it("lists the values of a union of literals and enums (a check override)", () => {
    const [line] = linesOf(() => parseWith(repoConfigSchema, { checks: { "console-log": "loud" } }, "c.yml"));
    expect(line).toBe(
      'checks.console-log: expected one of "off", "essential", "actionable", "informative", "celebratory"; got "loud"',
    );
  });

  it("says bounds and types in words", () => {
    expect(linesOf(() => parseWith(repoConfigSchema, { contextLines: 99, drafts: "yes" }, "c.yml"))).toEqual([
      "contextLines: expected a number <= 50; got 99",
      'drafts: expected a boolean; got "yes"',
    ]);
  });

  it("a renamed required key reports the missing key too, and suggests it", () => {
    const lines = linesOf(() =>
      parseWith(z.strictObject({ id: z.string(), title: z.string() }), { ids: "a", title: "t" }, "f.yml"),
    );
    expect(lines).toEqual([
      "id: expected a string (this required property is missing)",
      'ids: expected only known properties (unknown key) (did you mean "id"?)',
    ]);
  });

  it("a rubric with a renamed criterion key names both", () => {
    const rubric = { id: "r", title: "R", criteria: [{ ids: "c", title: "C", points: 10, checks: [] }] };
    const lines = linesOf(() => parseWith(rubricSchema, rubric, "r.yml"));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^criteria\[0\]\.id: expected .*missing/),
        expect.stringMatching(/^criteria\[0\]\.ids: .*did you mean "id"/),
      ]),
    );
  });

  it("keeps a schema's own words without doubling 'expected'", () => {
    const schema = z.object({ v: z.string().refine((value) => value === "ok", "expected ok") });
    expect(linesOf(() => parseWith(schema, { v: "no" }, "f.yml"))).toEqual(['v: expected ok; got "no"']);
  });
});

describe("parseRepoConfig with the known check ids", () => {
  it("rejects an unknown check id and suggests the closest known one", () => {
    const lines = linesOf(() =>
      parseRepoConfig({ checks: { "console-logs": "off", "no-var": "essential" } }, ".github/apprentice.yml", [
        "console-log",
        "no-var",
      ]),
    );
    expect(lines).toEqual([
      'checks.console-logs: expected a known check id (see `npm run review -- --list-checks`); did you mean "console-log"?; got "console-logs"',
    ]);
  });

  it("accepts known ids, and any id without a registry", () => {
    expect(parseRepoConfig({ checks: { "no-var": "off" } }, "c.yml", ["no-var"]).checks).toEqual({ "no-var": "off" });
    expect(parseRepoConfig({ checks: { whatever: "off" } }, "c.yml").checks).toEqual({ whatever: "off" });
  });
});
