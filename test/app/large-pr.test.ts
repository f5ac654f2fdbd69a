import { describe, expect, it } from "vitest";
import { batchPaths } from "../../src/github/batch-paths.js";
import { selectForLargePr } from "../../src/github/large-pr.js";
import type { PullRequestFile } from "../../src/github/list-pull-request-files.js";

function file(path: string, additions: number, status: PullRequestFile["status"] = "modified"): PullRequestFile {
  return { path, status, additions, deletions: 0 };
}

describe("selectForLargePr", () => {
  it("keeps everything when under the limits", () => {
    const files = [file("src/a.js", 10), file("README.md", 2)];
    expect(selectForLargePr(files, { maxFiles: 5, maxLines: 100 })).toEqual({
      selected: files,
      leftOut: [],
      partial: false,
    });
  });

  it("picks application code and tests first, largest first, then other text, then generated files and deletions", () => {
    const files = [
      file("package-lock.json", 900),
      file("docs/a.md", 50),
      file("src/small.js", 5),
      file("test/big.test.js", 40),
      file("src/gone.js", 0, "removed"),
      file("dist/app.min.js", 400),
    ];
    const selection = selectForLargePr(files, { maxFiles: 3, maxLines: 10_000 });
    expect(selection.selected.map((item) => item.path)).toEqual(["test/big.test.js", "src/small.js", "docs/a.md"]);
    expect(selection.leftOut.map((item) => item.path)).toEqual(["package-lock.json", "dist/app.min.js", "src/gone.js"]);
    expect(selection.leftOut[0]!.reason).toContain("maxFiles");
    expect(selection.partial).toBe(true);
  });

  it("respects the added-lines limit and says so", () => {
    const selection = selectForLargePr([file("src/a.js", 60), file("src/b.js", 50), file("src/c.js", 30)], {
      maxFiles: 10,
      maxLines: 100,
    });
    expect(selection.selected.map((item) => item.path)).toEqual(["src/a.js", "src/c.js"]);
    expect(selection.leftOut).toEqual([{ path: "src/b.js", reason: expect.stringContaining("maxLines") }]);
  });
});

describe("batchPaths", () => {
  it("splits by file count and by bytes; a single large file gets its own batch", () => {
    const sizes = new Map([
      ["a", 10],
      ["b", 10],
      ["c", 500],
      ["d", 10],
    ]);
    expect(batchPaths(["a", "b", "c", "d"], sizes, { maxFiles: 2, maxBytes: 100 })).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(batchPaths([], sizes)).toEqual([]);
  });
});
