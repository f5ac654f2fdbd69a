import { describe, expect, it } from "vitest";
import { renderSummaryMarkdown } from "../../src/report/render-markdown.js";
import { renderText } from "../../src/report/render-text.js";
import { review } from "../../src/review/review.js";
import type { ChangedFile, ReviewScope } from "../../src/contract/types.js";
import { changed, testConfig, testRegistry, testRubric } from "./test-checks.js";

const rubric = testRubric({ "clean-code": ["eq-test"] });

/** A file of `lines` lines with one loose comparison on its first line. */
function fileWithOneFinding(path: string, lines: number): ChangedFile {
  return changed(
    path,
    [
      "export const same = (a, b) => a == b;",
      ...Array.from({ length: lines - 1 }, (_, i) => `export const n${i} = ${i};`),
    ].join("\n"),
  );
}

function run(files: ChangedFile[], scope?: ReviewScope) {
  return review(
    {
      files,
      repoPaths: files.map((file) => file.path),
      config: testConfig({ filter: "nofilter" }),
      rubric,
      ...(scope ? { scope } : {}),
    },
    { registry: testRegistry },
  );
}

describe("whole-project reviews", () => {
  it("normalise the points lost by size: per 1000 lines reviewed", () => {
    const files = Array.from({ length: 10 }, (_, index) => fileWithOneFinding(`src/m${index}.js`, 200));
    const asChange = run(files).criteria[0];
    const asProject = run(files, "project").criteria[0];
    expect(asChange?.score).toBeLessThan(asProject?.score ?? 0);
    // 10 findings in 2000 lines lose half of what they lose in a change (capped per check), no more than 5 in 1000 lines.
    const lostAsChange = (asChange?.max ?? 0) - (asChange?.score ?? 0);
    expect((asProject?.max ?? 0) - (asProject?.score ?? 0)).toBeCloseTo(lostAsChange / 2, 5);
    const fiveInOneThousand = run(Array.from({ length: 5 }, (_, index) => fileWithOneFinding(`src/m${index}.js`, 200)))
      .criteria[0];
    expect(asProject?.score).toBeGreaterThanOrEqual(fiveInOneThousand?.score ?? Infinity);
  });

  it("grade a small project like a change of the same size", () => {
    const files = [fileWithOneFinding("src/a.js", 40)];
    expect(run(files, "project").criteria[0]?.score).toBe(run(files).criteria[0]?.score);
  });

  it("speak of this project, not of merging a change", () => {
    const result = run([fileWithOneFinding("src/a.js", 10)], "project");
    expect(result.scope).toBe("project");
    const text = renderText(result);
    expect(text).not.toContain("merged");
    expect(text).toMatch(/this project/);
  });

  it("say there was nothing to review, without a score or praise, when no file was reviewed", () => {
    const result = run([], "project");
    const text = renderText(result);
    expect(text).toContain("Nothing to review");
    expect(text).not.toMatch(/Score|full marks|Keep working/);
    const markdown = renderSummaryMarkdown(result);
    expect(markdown).toContain("Nothing to review");
    expect(markdown).not.toContain("**Score:");
  });
});
