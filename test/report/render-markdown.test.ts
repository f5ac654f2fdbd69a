import { describe, expect, it } from "vitest";
import {
  GITHUB_MAX_BODY_LENGTH,
  MAX_NEXT_STEPS,
  renderSummaryMarkdown,
  SUMMARY_MARKER,
} from "../../src/report/render-markdown.js";
import type { ReviewResult } from "../../src/contract/types.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

/** A review far too big for one comment: 40 findings to fix, 1200 notes, 20 praise, 400 skipped files. */
function hugeResult(): ReviewResult {
  const findings = [
    ...Array.from({ length: 40 }, (_, index) =>
      makeFinding({
        level: index % 4 === 0 ? "essential" : "actionable",
        path: `src/file-${index}.ts`,
        line: index + 1,
      }),
    ),
    ...Array.from({ length: 1200 }, (_, index) =>
      makeFinding({
        ruleId: "prefer-const",
        level: "informative",
        path: `src/notes/n-${index}.ts`,
        line: 1,
        message: `Use const here (note ${index}): the value never changes, and const tells the reader so.`,
      }),
    ),
    ...Array.from({ length: 20 }, (_, index) =>
      makeFinding({
        ruleId: "test-asserts",
        criterion: "tests",
        level: "celebratory",
        path: `test/t-${index}.test.ts`,
        line: 2,
        message: "Your test asserts on the body.",
      }),
    ),
  ];
  const skipped = Array.from({ length: 400 }, (_, index) => ({ path: `assets/image-${index}.png`, reason: "binary" }));
  return makeResult({ findings, skipped, scores: { tests: 10, security: 3, "clean-code": 6 } });
}

function fits(result: ReviewResult, maxLength: number): boolean {
  try {
    renderSummaryMarkdown(result, { maxLength });
    return true;
  } catch {
    return false;
  }
}

const TABLE =
  "| Criterion | Score | Level |\n| --- | ---: | --- |\n| Tests | 10/10 | exemplary |\n| Security | 3/10 | beginning |\n| Clean code | 6/10 | developing |\n";

describe("renderSummaryMarkdown", () => {
  it("renders marker, title, table, praise, next steps and details", () => {
    expect(renderSummaryMarkdown(mixedResult(), { headSha: "0123456789abcdef0123" })).toMatchInlineSnapshot(`
      "<!-- apprentice:summary -->

      ## 🛑 Apprentice review: Changes needed

      Some findings must be fixed before this change is merged; start with the first one listed.
      **Score: 24/30** · rubric: Junior backend developer · commit \`0123456789ab\`

      | Criterion | Score | Level |
      | --- | ---: | --- |
      | Tests | 10/10 | exemplary |
      | Security | 5/10 | developing |
      | Clean code | 9/10 | exemplary |

      ### 🎉 What you did well

      - \`test/users.test.ts:10\`: Your test checks the response body, not only the status code. That catches real regressions.

      ### What to do next

      Start at the top: the most important findings come first.

      1. 🛑 **Essential** \`src/routes/users.ts:14\`: Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does. ([lesson](https://lessons.example/sql-query-injection.md))
      2. ⚠️ **Actionable** \`src/app.ts:8\`: Remove this console.log before merging. Debug output in a server clutters the logs your team relies on. ([lesson](https://lessons.example/no-console-log.md))

      <details>
      <summary>1 note, 1 file not reviewed</summary>

      #### 💡 Worth knowing

      - \`src/app.ts:2\`: Use const here: the value never changes, and const tells the reader so. ([lesson](https://lessons.example/prefer-const.md))

      #### Files not reviewed

      - \`package-lock.json\`: generated (lock file)

      </details>

      ---
      <sub>1 essential, 1 actionable, 1 informative, 1 praise · 4 files reviewed, 1 skipped</sub>
      "
    `);
  });

  it("praises a high score sincerely when no check found something to celebrate", () => {
    const markdown = renderSummaryMarkdown(
      makeResult({ findings: [makeFinding({ level: "informative" })], scores: { tests: 9 } }),
    );
    expect(markdown).toMatchInlineSnapshot(`
      "<!-- apprentice:summary -->

      ## ✅ Apprentice review: Ready to merge

      Nothing in this change has to be fixed before it is merged.
      **Score: 29/30** · rubric: Junior backend developer

      | Criterion | Score | Level |
      | --- | ---: | --- |
      | Tests | 9/10 | exemplary |
      | Security | 10/10 | exemplary |
      | Clean code | 10/10 | exemplary |

      ### 🎉 What you did well

      This change scored 29 of 30 points, with full marks for Security and Clean code. Keep working this way.

      ### What to do next

      Nothing in this change needs fixing. The notes below are worth a look when you want to go further.

      <details>
      <summary>1 note</summary>

      #### 💡 Worth knowing

      - \`src/app.ts:3\`: Remove this console.log before merging. Debug output in a server clutters the logs your team relies on. ([lesson](https://lessons.example/no-console-log.md))

      </details>

      ---
      <sub>0 essential, 0 actionable, 1 informative, 0 praise · 3 files reviewed, 0 skipped</sub>
      "
    `);
  });

  it("has no praise section when there is nothing to praise and the score is not high", () => {
    const markdown = renderSummaryMarkdown(
      makeResult({ findings: [makeFinding()], scores: { tests: 4, security: 8, "clean-code": 7 } }),
    );
    expect(markdown).not.toContain("What you did well");
    expect(markdown).toContain("1. ⚠️ **Actionable** `src/app.ts:3`: Remove this console.log");
  });

  it("lists at most ten next steps, essential first, and says how many more there are", () => {
    const markdown = renderSummaryMarkdown(hugeResult());
    const steps = markdown.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(steps).toHaveLength(MAX_NEXT_STEPS);
    expect(steps.slice(0, 10).every((line) => line.includes("**Essential**"))).toBe(true);
    expect(markdown).toContain("_…and 30 more findings to fix not shown here.");
  });

  it("stays within GitHub's limit by leaving out notes first, and says how many", () => {
    const markdown = renderSummaryMarkdown(hugeResult());
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_MAX_BODY_LENGTH);
    expect(markdown).toContain(TABLE);
    expect(markdown).toMatch(/_…and \d+ more notes not shown here\./);
    expect(markdown).toContain("Your test asserts on the body.");
    expect(markdown).toContain("assets/image-399.png");
  });

  it("never exceeds maxLength and never cuts a table or the details block, whatever the limit", () => {
    const result = hugeResult();
    for (let maxLength = 1000; maxLength <= 12_000; maxLength += 1111) {
      const markdown = renderSummaryMarkdown(result, { maxLength });
      expect(markdown.length).toBeLessThanOrEqual(maxLength);
      expect(markdown.startsWith(`${SUMMARY_MARKER}\n`)).toBe(true);
      const hasTable = markdown.includes(TABLE);
      expect(hasTable || markdown.includes("score table was left out")).toBe(true);
      if (!hasTable) expect(markdown).not.toContain("| Criterion |");
      expect(markdown.split("<details>").length).toBe(markdown.split("</details>").length);
    }
  });

  it("drops the table only when nothing else is left to drop", () => {
    const result = hugeResult();
    // The smallest limit any summary fits in, found by bisection: below it the renderer refuses.
    let low = 100;
    let high = 2000;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (fits(result, middle)) high = middle;
      else low = middle + 1;
    }
    expect(() => renderSummaryMarkdown(result, { maxLength: low - 1 })).toThrow(RangeError);
    const smallest = renderSummaryMarkdown(result, { maxLength: low });
    expect(smallest).toContain("score table was left out");
    expect(smallest).not.toMatch(/^\d+\. |^- /m);
    expect(smallest).toContain("_…and 40 more findings to fix not shown here._");
    expect(renderSummaryMarkdown(result, { maxLength: 2000 })).toContain(TABLE);
  });

  it("refuses a limit too short for any summary, naming it", () => {
    expect(() => renderSummaryMarkdown(mixedResult(), { maxLength: 50 })).toThrow(/maxLength 50 is too short/);
  });

  it("uses a custom marker, or none", () => {
    expect(
      renderSummaryMarkdown(mixedResult(), { marker: "<!-- custom -->" }).startsWith("<!-- custom -->\n\n## "),
    ).toBe(true);
    expect(renderSummaryMarkdown(mixedResult(), { marker: "" }).startsWith("## ")).toBe(true);
  });

  it("escapes learner-controlled paths and messages so they cannot break the layout", () => {
    const finding = makeFinding({
      path: "src/a|b`c.ts",
      message: "Close the </details> tag and | pipes <script>alert(1)</script>",
    });
    const markdown = renderSummaryMarkdown(
      makeResult({ findings: [finding, { ...finding, level: "informative", fingerprint: "n" }] }),
    );
    expect(markdown).toContain("``src/a|b`c.ts:3``");
    expect(markdown).not.toContain("<script>");
    expect(markdown.split("</details>")).toHaveLength(2);
    expect(markdown).toContain("Close the &lt;/details&gt; tag and \\| pipes &lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes rubric text in the score table", () => {
    const result = mixedResult();
    result.criteria[0] = { ...result.criteria[0]!, title: "Tests | and *more*", level: "<b>top</b>" };
    expect(renderSummaryMarkdown(result)).toContain("| Tests \\| and \\*more\\* | 10/10 | &lt;b&gt;top&lt;/b&gt; |");
  });
});

describe("partial reviews", () => {
  it("says part of the change was not reviewed, even when the conclusion is failure", () => {
    const result = makeResult({
      findings: [makeFinding({ level: "essential" })],
      skipped: [{ path: "src/big.ts", reason: "content unavailable" }],
    });
    expect(result.partial).toBe(true);
    expect(renderSummaryMarkdown(result)).toContain(
      "start with the first one listed. Part of this change could not be reviewed: see the files not reviewed.\n",
    );
  });

  it("does not repeat it when the conclusion already says so", () => {
    const result = makeResult({
      conclusion: "neutral",
      partial: true,
      skipped: [{ path: "src/big.ts", reason: "content unavailable" }],
    });
    const markdown = renderSummaryMarkdown(result);
    expect(markdown).toContain("## ⚪ Apprentice review: Reviewed in part");
    expect(markdown).not.toContain("Part of this change could not be reviewed");
  });
});
