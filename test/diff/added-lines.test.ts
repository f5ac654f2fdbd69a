import { describe, expect, it } from "vitest";
import { addedLinesFromPatch, diffLinesFromPatch } from "../../src/diff/added-lines.js";

// As GitHub's pulls.listFiles returns `patch`: hunks only, no file header.
const hunks = ["@@ -1,3 +1,4 @@", " a", "-b", "+B", "+C", " d", "@@ -10,2 +11,3 @@", " x", "+y", " z"].join("\n");

describe("addedLinesFromPatch", () => {
  it("reads the head-side numbers of added lines from GitHub's hunk-only patch", () => {
    expect([...addedLinesFromPatch(hunks)]).toEqual([2, 3, 12]);
  });

  it("reads a whole git diff with its file header too", () => {
    const diff = `diff --git a/f.ts b/f.ts\n--- a/f.ts\n+++ b/f.ts\n${hunks}\n`;
    expect([...addedLinesFromPatch(diff)]).toEqual([2, 3, 12]);
  });

  it("is empty when GitHub sends no patch (binary or very large files)", () => {
    expect(addedLinesFromPatch(undefined).size).toBe(0);
  });
});

describe("diffLinesFromPatch", () => {
  it("lists added and context lines, where GitHub accepts a review comment, but not removed ones", () => {
    expect([...diffLinesFromPatch(hunks)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 11, 12, 13]);
  });
});
