import { describe, expect, it } from "vitest";
import { learningThemes, rulesOf, type ThemeReview } from "../../src/report/learning-themes.js";
import { renderLearningThemes } from "../../src/report/render-learning-themes.js";
import { renderProgressMarkdown } from "../../src/report/render-progress.js";

const pr = (n: number, rules: [string, "essential" | "actionable" | "informative"][]): ThemeReview => ({
  label: `octo/api#${n}`,
  url: `https://github.com/octo/api/pull/${n}`,
  rules: rules.map(([ruleId, level]) => ({ ruleId, level })),
});

describe("learningThemes", () => {
  // newest first: #10 is the pull request under review
  const reviews = [
    pr(10, [
      ["console-log", "actionable"],
      ["no-sql-injection", "essential"],
    ]),
    pr(9, [["console-log", "actionable"]]),
    pr(8, [
      ["no-sql-injection", "essential"],
      ["test-missing", "actionable"],
    ]),
    pr(7, [["empty-catch", "informative"]]),
    pr(6, [
      ["empty-catch", "informative"],
      ["test-missing", "actionable"],
    ]),
    pr(5, [["no-var", "informative"]]),
  ];
  const themes = learningThemes(reviews, (id) => `https://lessons/${id}.md`);

  it("finds checks in at least 2 pull requests, most urgent first, with the first pull request and the lesson", () => {
    expect(themes.recurring.map((t) => [t.ruleId, t.count, t.first.label])).toEqual([
      ["no-sql-injection", 2, "octo/api#8"],
      ["console-log", 2, "octo/api#9"],
      ["test-missing", 2, "octo/api#6"],
    ]);
    expect(themes.recurring[0]?.lesson).toBe("https://lessons/no-sql-injection.md");
  });

  it("praises a recurring theme absent from the last 3 pull requests, and focuses on at most 3", () => {
    expect(themes.fixed.map((t) => t.ruleId)).toEqual(["empty-catch"]);
    expect(themes.focus.map((t) => t.ruleId)).toEqual(["no-sql-injection", "console-log", "test-missing"]);
  });

  it("looks at the last 10 only", () => {
    const many = Array.from({ length: 12 }, (_, i) => pr(12 - i, i >= 10 ? [["no-var", "informative"]] : []));
    expect(learningThemes(many).recurring).toEqual([]);
    expect(learningThemes(many).looked).toBe(10);
  });

  it("counts a check once per pull request at its most urgent level, without praise findings", () => {
    expect(
      rulesOf([
        { ruleId: "a", level: "informative" },
        { ruleId: "a", level: "essential" },
        { ruleId: "b", level: "celebratory" },
      ]),
    ).toEqual([{ ruleId: "a", level: "essential" }]);
  });

  it("renders the three sections with links, escaped", () => {
    const md = renderLearningThemes(themes);
    expect(md).toContain("### 🔁 Recurring");
    expect(md).toContain(
      "- `no-sql-injection` (must fix): in 2 of your last 6 reviewed pull requests, first in [octo/api\\#8](https://github.com/octo/api/pull/8). [Lesson](https://lessons/no-sql-injection.md)",
    );
    expect(md).toContain("### 🌱 Fixed since last time\n\n- `empty-catch`");
    expect(md).toContain("### 🎯 Focus next\n\n1. [Lesson: no-sql-injection](https://lessons/no-sql-injection.md)");
    expect(renderLearningThemes(learningThemes([pr(1, [["a", "actionable"]])]))).toBe("");
    const hostile = learningThemes([
      { label: "x*y_<b>", rules: [{ ruleId: "r", level: "actionable" }] },
      { label: "x*y_<b>", rules: [{ ruleId: "r", level: "actionable" }] },
    ]);
    expect(renderLearningThemes(hostile)).not.toContain("<b>");
  });
});

describe("renderProgressMarkdown", () => {
  it("gives a table and a Mermaid xychart-beta line per criterion, in percent", () => {
    const md = renderProgressMarkdown(
      [
        {
          label: "octo/api#1",
          url: "https://github.com/octo/api/pull/1",
          date: new Date("2026-11-01"),
          criteria: [{ criterion: "tests", title: "Tests", score: 5, max: 10, level: "developing" }],
        },
        {
          label: "octo/api#2",
          date: new Date("2026-11-02"),
          criteria: [{ criterion: "tests", title: "Tests", score: 8, max: 10, level: "proficient" }],
        },
      ],
      "ada",
    );
    expect(md).toContain("| [octo/api\\#1](https://github.com/octo/api/pull/1) | 2026-11-01 | 5/10 developing |");
    expect(md).toContain(
      '```mermaid\nxychart-beta\n  title "Criterion scores (%)"\n  x-axis ["octo/api#1", "octo/api#2"]\n  y-axis "score (%)" 0 --> 100\n  line [50, 80]\n```',
    );
    expect(renderProgressMarkdown([], "ada")).toContain("no reviewed pull requests");
  });
});
