import { describe, expect, it } from "vitest";
import { toCheckRunOutput } from "../../src/report/check-run-output.js";
import { GITHUB_MAX_BODY_LENGTH, renderSummaryMarkdown, SUMMARY_MARKER } from "../../src/report/render-markdown.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

describe("toCheckRunOutput", () => {
  it("titles the run with the conclusion and counts, and summarises without the comment marker", () => {
    const output = toCheckRunOutput(mixedResult());
    expect(output.title).toBe("Changes needed: 1 essential, 1 actionable, 1 note, 1 praise");
    expect(output.summary).toBe(renderSummaryMarkdown(mixedResult(), { marker: "" }));
    expect(output.summary).not.toContain(SUMMARY_MARKER);
    expect(output).not.toHaveProperty("text");
  });

  it("says so when there is nothing to report", () => {
    expect(toCheckRunOutput(makeResult()).title).toBe("Ready to merge: no findings");
  });

  it("lists in text the findings beyond maxAnnotations, the least important ones", () => {
    const output = toCheckRunOutput(mixedResult(), { maxAnnotations: 2 });
    expect(output.text).toMatchInlineSnapshot(`
      "### Findings without an annotation

      These findings did not fit in the check run's annotations.

      - 💡 **Informative** \`src/app.ts:2\` \`prefer-const\`: Use const here: the value never changes, and const tells the reader so.
      - 🎉 **Celebratory** \`test/users.test.ts:10\` \`test-asserts-response\`: Your test checks the response body, not only the status code. That catches real regressions.
      "
    `);
  });

  it("keeps summary and text within GitHub's limits for a huge review", () => {
    const findings = Array.from({ length: 2000 }, (_, index) =>
      makeFinding({ path: `src/f-${index}.ts`, message: `Remove this console.log (${index}). `.repeat(5) }),
    );
    const output = toCheckRunOutput(makeResult({ findings }), { maxAnnotations: 50 });
    expect(output.summary.length).toBeLessThanOrEqual(GITHUB_MAX_BODY_LENGTH);
    expect(output.text!.length).toBeLessThanOrEqual(GITHUB_MAX_BODY_LENGTH);
    expect(output.text).toMatch(/_…and \d+ more not shown here/);
  });
});
