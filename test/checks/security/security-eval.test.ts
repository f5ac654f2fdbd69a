import { describe, expect, it } from "vitest";
import { formatSecurityEval, runSecurityEval } from "../../helpers/security-eval.js";

describe("security checks on the independent labelled corpus (test/fixtures/security-eval)", () => {
  const result = runSecurityEval();
  console.log(formatSecurityEval(result));

  it("labels at least 6 vulnerable sinks in every category", () => {
    for (const row of result.categories) expect(row.labels, row.category).toBeGreaterThanOrEqual(6);
  });

  it("reaches precision >= 0.90 over all categories", () => {
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches recall >= 0.75 over all categories", () => {
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.75);
  });

  it("reaches recall >= 0.5 in every category", () => {
    const weak = result.categories
      .filter((row) => row.recall < 0.5)
      .map((row) => `${row.category} ${row.recall.toFixed(2)}`);
    expect(weak).toEqual([]);
  });
});
