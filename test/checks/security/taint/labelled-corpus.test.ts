/**
 * Runs every taint check over the labelled fixtures and requires each vulnerable case to be found at
 * the right line with the right category, and nothing to be reported on safe code. Prints precision
 * and recall per category.
 */
import { describe, expect, it } from "vitest";
import { SECURITY_CATEGORIES } from "../../../../src/contract/security-categories.js";
import { loadLabelledCases, TAINT_CATEGORIES } from "./labelled-cases.js";
import { findingLabels } from "./run-taint-checks.js";

const cases = loadLabelledCases();
const results = cases.map((labelled) => ({ labelled, found: findingLabels(labelled.path, labelled.content) }));

describe("labelled security corpus", () => {
  it("has at least 10 vulnerable and 10 safe cases per taint category, each vulnerable case labelled", () => {
    for (const category of TAINT_CATEGORIES) {
      const own = cases.filter((labelled) => labelled.folder === category);
      expect(own.filter((labelled) => labelled.kind === "vulnerable").length, category).toBeGreaterThanOrEqual(10);
      expect(own.filter((labelled) => labelled.kind === "safe").length, category).toBeGreaterThanOrEqual(10);
    }
    for (const labelled of cases) {
      if (labelled.kind === "vulnerable") expect(labelled.expected.size, labelled.path).toBeGreaterThan(0);
      else expect(labelled.expected.size, labelled.path).toBe(0);
      for (const label of labelled.expected)
        expect(SECURITY_CATEGORIES as readonly string[], labelled.path).toContain(label.split(":")[0]);
    }
  });

  it.each(results.map((result) => [result.labelled.path, result] as const))("%s", (_path, { labelled, found }) => {
    expect([...found].sort()).toEqual([...labelled.expected].sort());
  });

  it("reaches precision >= 0.9 and recall >= 0.75 overall, and recall >= 0.5 in every category", () => {
    const stats = new Map<string, { tp: number; fp: number; fn: number }>();
    const entry = (category: string) => {
      let stat = stats.get(category);
      if (!stat) stats.set(category, (stat = { tp: 0, fp: 0, fn: 0 }));
      return stat;
    };
    for (const { labelled, found } of results) {
      for (const label of found) entry(label.split(":")[0] ?? "")[labelled.expected.has(label) ? "tp" : "fp"]++;
      for (const label of labelled.expected) if (!found.has(label)) entry(label.split(":")[0] ?? "").fn++;
    }
    const total = { tp: 0, fp: 0, fn: 0 };
    const lines: string[] = [];
    for (const [category, stat] of [...stats].sort()) {
      total.tp += stat.tp;
      total.fp += stat.fp;
      total.fn += stat.fn;
      const recall = stat.tp / Math.max(1, stat.tp + stat.fn);
      lines.push(
        `${category.padEnd(20)} precision ${(stat.tp / Math.max(1, stat.tp + stat.fp)).toFixed(2)} recall ${recall.toFixed(2)} (tp ${stat.tp}, fp ${stat.fp}, fn ${stat.fn})`,
      );
      expect(recall, category).toBeGreaterThanOrEqual(0.5);
    }
    const precision = total.tp / Math.max(1, total.tp + total.fp);
    const recall = total.tp / Math.max(1, total.tp + total.fn);
    lines.push(
      `${"overall".padEnd(20)} precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${total.tp}, fp ${total.fp}, fn ${total.fn})`,
    );
    console.log(lines.join("\n"));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });
});
