/** regex-dos: nested repetitions split by a separator the inner parts cannot match are not catastrophic. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const run = (pattern: string) => [
  ...findingLabels(
    "src/validate.js",
    `app.get("/s/:slug", (req, res) => res.json(${pattern}.test(req.params.slug)));\n`,
  ),
];

describe("regex-dos: separated nested repetitions", () => {
  it("stays quiet for slug and path patterns with a separator", () => {
    expect(run("/^[a-z0-9]+(?:-[a-z0-9]+)*$/")).toEqual([]);
    expect(run("/^(\\/[a-z0-9]*)*\\/?$/i")).toEqual([]);
    expect(run("/^\\w+(\\.\\w+)*$/")).toEqual([]);
  });

  it("still reports ambiguous nesting", () => {
    expect(run("/^(\\w+-?)+$/")).toEqual(["regex-dos:1"]);
    expect(run("/([0-9]+)+#/")).toEqual(["regex-dos:1"]);
    expect(run("/^(-?\\w+)+$/")).toEqual(["regex-dos:1"]);
  });
});
