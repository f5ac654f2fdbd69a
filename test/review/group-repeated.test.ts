import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/contract/types.js";
import { groupRepeated } from "../../src/review/group-repeated.js";
import { review } from "../../src/review/review.js";
import { changed, testConfig, testRegistry, testRubric } from "./test-checks.js";

function finding(ruleId: string, path: string, line: number): Finding {
  return {
    ruleId,
    path,
    line,
    column: 3,
    message: "m",
    criterion: "clean-code",
    level: "actionable",
    fingerprint: `${ruleId}${path}${line}`,
  };
}

describe("groupRepeated", () => {
  it("groups each level of a check apart, so milder findings are never counted under a more urgent level", () => {
    const at = (line: number, level: Finding["level"]) => ({
      ...finding("complexity", `src/f${line}.ts`, line),
      level,
    });
    const many = [
      ...[1, 2, 3, 4, 5].map((line) => at(line, "actionable")),
      ...[6, 7, 8, 9, 10].map((line) => at(line, "informative")),
    ];
    const grouped = groupRepeated(many, 3);
    const summaries = grouped.filter((f) => f.messageId === "repeated");
    expect(summaries.map((f) => [f.level, f.fingerprint, /(\d+) more times?/.exec(f.message)?.[1]])).toEqual([
      ["actionable", "complexity:actionable:repeated", "2"],
      ["informative", "complexity:informative:repeated", "2"],
    ]);
    expect(grouped.filter((f) => f.messageId !== "repeated")).toHaveLength(6);
  });

  it("keeps a check's first findings, one per file first, and counts the rest by file in one summary", () => {
    const many = [
      ...[1, 2, 3, 4].map((line) => finding("no-explicit-any", "src/a.ts", line)),
      ...[1, 2].map((line) => finding("no-explicit-any", "src/b.ts", line)),
      finding("no-explicit-any", "src/c.ts", 9),
      finding("no-var", "src/a.ts", 7),
    ];
    const grouped = groupRepeated(many, 3);
    const anyShown = grouped.filter((f) => f.ruleId === "no-explicit-any" && f.messageId !== "repeated");
    expect(anyShown.map((f) => `${f.path}:${f.line}`)).toEqual(["src/a.ts:1", "src/b.ts:1", "src/c.ts:9"]);
    const summary = grouped.find((f) => f.messageId === "repeated");
    expect(summary).toMatchObject({
      ruleId: "no-explicit-any",
      path: "src/a.ts",
      line: 1,
      scope: "file",
      level: "actionable",
    });
    expect(summary?.column).toBeUndefined();
    expect(summary?.message).toContain("4 more times than shown: `src/a.ts` (3), `src/b.ts` (1)");
    expect(grouped.filter((f) => f.ruleId === "no-var")).toHaveLength(1);
  });

  it("leaves a check at or under the limit alone", () => {
    const few = [finding("no-var", "src/a.ts", 1), finding("no-var", "src/a.ts", 2)];
    expect(groupRepeated(few, 2)).toEqual(few);
  });
});

describe("the engine groups repeats by maxFindingsPerCheck and grades on every finding", () => {
  const code = Array.from({ length: 8 }, (_, i) => `export const f${i} = (a) => a == ${i};`).join("\n");
  const run = (max: number) =>
    review(
      {
        files: [changed("src/eq.js", code)],
        repoPaths: ["src/eq.js"],
        config: testConfig({ maxFindingsPerCheck: max }),
        rubric: testRubric({ "clean-code": ["eq-test"] }),
      },
      { registry: testRegistry },
    );

  it("shows the first findings and one summary; the score is the same as without grouping", () => {
    const grouped = run(2);
    expect(grouped.findings).toHaveLength(3);
    expect(grouped.findings.filter((f) => f.messageId === "repeated")).toHaveLength(1);
    expect(grouped.criteria[0]?.findings).toHaveLength(3);
    expect(grouped.criteria[0]?.score).toBe(run(100).criteria[0]?.score);
    expect(run(100).findings).toHaveLength(8);
  });
});
