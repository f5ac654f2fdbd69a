import { describe, expect, it } from "vitest";
import { planReview } from "../../src/github/plan-review.js";
import { renderReviewBody } from "../../src/report/render-review-body.js";
import {
  fingerprintMarker,
  parseFingerprintMarker,
  renderFindingComment,
} from "../../src/report/render-finding-comment.js";
import type { Level } from "../../src/contract/levels.js";
import type { Finding } from "../../src/contract/types.js";

const renderers = { renderFindingComment, fingerprintMarker, parseFingerprintMarker };

function finding(
  fingerprint: string,
  line: number,
  level: Level = "actionable",
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId: "eq-test",
    criterion: "clean-code",
    level,
    message: `Finding ${fingerprint}`,
    path: "src/a.js",
    line,
    fingerprint,
    ...extra,
  };
}

const diff = new Map([["src/a.js", new Set([3, 4, 5, 6, 10])]]);

describe("planReview", () => {
  it("places comments only on diff lines, most important first, up to the limit; the rest go to the body", () => {
    const plan = planReview(
      [finding("a", 3, "essential"), finding("b", 4), finding("c", 99), finding("d", 5)],
      diff,
      new Set(),
      2,
      renderers,
    );
    expect(plan.comments.map((comment) => [comment.line, comment.side])).toEqual([
      [3, "RIGHT"],
      [4, "RIGHT"],
    ]);
    expect(plan.overflow.map((item) => item.fingerprint)).toEqual(["c", "d"]);
    expect(plan.comments[0]!.body).toContain(fingerprintMarker("a"));
  });

  it("skips findings already posted and praise (which belongs in the summary)", () => {
    const plan = planReview(
      [finding("a", 3), finding("b", 4, "celebratory"), finding("c", 5)],
      diff,
      new Set(["a"]),
      10,
      renderers,
    );
    expect(plan.comments.map((comment) => comment.line)).toEqual([5]);
    expect(plan.overflow).toEqual([]);
  });

  it("a multi-line finding inside the diff becomes a start_line..line comment; a suggestion that does not fit goes to the body", () => {
    const plan = planReview(
      [
        finding("a", 3, "actionable", { endLine: 5, suggestion: "x" }),
        finding("b", 6, "actionable", { endLine: 10, suggestion: "y" }),
      ],
      diff,
      new Set(),
      10,
      renderers,
    );
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]).toMatchObject({ start_line: 3, start_side: "RIGHT", line: 5, side: "RIGHT" });
    expect(plan.comments[0]!.body).toContain("```suggestion");
    expect(plan.overflow.map((item) => item.fingerprint)).toEqual(["b"]);
  });

  it("the review body lists each overflow finding with its marker, one per line", () => {
    const body = renderReviewBody(1, [finding("c", 99), finding("d", 5)], 1, renderers);
    const markers = body
      .split("\n")
      .map((line) => parseFingerprintMarker(line))
      .filter(Boolean);
    expect(markers).toEqual(["c", "d"]);
    expect(body).toContain("`src/a.js:99`");
    expect(body).not.toMatch(/\b(just|simply)\b/i);
  });
});
