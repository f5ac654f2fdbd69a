import { describe, expect, it } from "vitest";
// The App picks related test files with the one definition of a test file the checks and the local collector use.
import { isTestFile as isTestPath } from "../../src/checks/shared/is-test-file.js";
import { buildSnapshotQuery } from "../../src/github/fetch-pull-request-snapshot.js";
import { clampOutput, MAX_OUTPUT_CHARS } from "../../src/github/publish-check-run.js";

describe("check run output limits", () => {
  it("cuts summary and text to GitHub's 65535 characters and says so", () => {
    const output = clampOutput({ title: "t".repeat(300), summary: "s".repeat(70_000), text: "x".repeat(65_535) });
    expect(output.summary.length).toBe(MAX_OUTPUT_CHARS);
    expect(output.summary).toContain("cut to fit GitHub's size limit");
    expect(output.text!.length).toBe(MAX_OUTPUT_CHARS);
    expect(output.text).toBe("x".repeat(65_535));
    expect(output.title.length).toBe(255);
  });
});

describe("input collection helpers", () => {
  it("recognises test files", () => {
    expect(
      ["test/app.test.js", "src/__tests__/a.js", "spec/x.js", "src/users.spec.ts", "tests/helpers.js"].every(
        isTestPath,
      ),
    ).toBe(true);
    expect(["src/app.js", "src/testing-utils.js", "latest/x.js"].some(isTestPath)).toBe(false);
  });

  it("passes paths only as variables, never inside the query text", () => {
    const query = buildSnapshotQuery(2, true);
    expect(query).toContain("f1: object(expression: $e1)");
    expect(query).toContain("reviewThreads(first: 100)");
    expect(buildSnapshotQuery(1, false)).not.toContain("pullRequest");
  });
});
