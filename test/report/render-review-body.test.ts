import { describe, expect, it } from "vitest";
import { fingerprintMarker, parseFingerprintMarker } from "../../src/report/render-finding-comment.js";
import { renderReviewBody } from "../../src/report/render-review-body.js";
import { makeFinding } from "./fixtures.js";

const renderers = { fingerprintMarker };

describe("renderReviewBody", () => {
  it("notes the inline comments and lists each overflow finding on one line with its marker", () => {
    const body = renderReviewBody(
      2,
      [makeFinding({ path: "src/a.ts", line: 9, message: "Add a test.", fingerprint: "fp-1" })],
      1,
      renderers,
    );
    expect(body).toMatchInlineSnapshot(`
      "Apprentice left 2 comments on lines of this change, most important first. Each says what to do and why; the summary comment shows the whole rubric.

      This finding does not sit on a line of the diff, or go past the 1 inline comments this repository allows (\`maxInlineComments\`):

      - **actionable** \`src/a.ts:9\`: Add a test. <!-- apprentice:fp=fp-1 -->"
    `);
  });

  it("escapes the learner's message and path, so they cannot add HTML, break the list or end a code span", () => {
    const finding = makeFinding({
      path: "src/`odd`|name.ts",
      line: 3,
      message: "Remove <script>alert(1)</script> and *this*\n- [x] not a new item, keep `a < b` as code",
      fingerprint: "fp-2",
    });
    const body = renderReviewBody(0, [finding], 20, renderers);
    const line = body.split("\n").find((text) => text.startsWith("- "))!;
    expect(body.split("\n").filter((text) => text.startsWith("- "))).toHaveLength(1);
    expect(line).toBe(
      "- **actionable** ``src/`odd`|name.ts:3``: Remove &lt;script&gt;alert(1)&lt;/script&gt; and \\*this\\* - \\[x\\] not a new item, keep `a < b` as code <!-- apprentice:fp=fp-2 -->",
    );
    expect(body).not.toContain("<script>");
    expect(parseFingerprintMarker(line)).toBe("fp-2");
  });

  it("cuts the list before GitHub's body limit and says how many are left", () => {
    const many = Array.from({ length: 400 }, (_, index) =>
      makeFinding({ line: index + 1, message: "x".repeat(300), fingerprint: `fp-${index}` }),
    );
    const body = renderReviewBody(0, many, 20, renderers);
    expect(body.length).toBeLessThanOrEqual(65_500);
    expect(body).toMatch(/- …and \d+ more, listed in the check run's annotations\.$/);
  });
});
