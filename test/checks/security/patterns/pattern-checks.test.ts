import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { securityChecks } from "../../../../src/checks/security/index.js";
import { patternChecks } from "../../../../src/checks/security/patterns/index.js";
import { SECURITY_CATEGORIES } from "../../../../src/contract/security-categories.js";
import { describeCorpus, scoreCorpus } from "./fixture-corpus.js";

const ROOT = join(import.meta.dirname, "../../../..");
const CATEGORIES = [
  "hardcoded-secret",
  "weak-crypto",
  "insecure-random",
  "cors-misconfig",
  "jwt-misuse",
  "insecure-cookie",
  "tls-disabled",
  "missing-authorization",
  "plaintext-password",
  "error-disclosure",
] as const;

describe("pattern security checks", () => {
  it("are registered in the security criterion, with unique kebab-case ids and a security category", () => {
    const ids = patternChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of patternChecks) {
      expect(securityChecks).toContain(check);
      expect(check.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(check.criterion).toBe("security");
      expect(SECURITY_CATEGORIES).toContain(check.category);
    }
    expect(new Set(patternChecks.map((check) => check.category))).toEqual(new Set(CATEGORIES));
  });

  it("each have a lesson with every section, a rubric entry and a test file", () => {
    const rubric = parse(readFileSync(join(ROOT, "rubrics/junior-backend.yml"), "utf8")) as {
      criteria: { id: string; checks: { id: string }[] }[];
    };
    const security = rubric.criteria.find((criterion) => criterion.id === "security");
    for (const check of patternChecks) {
      const lesson = readFileSync(join(ROOT, "rubrics/lessons", `${check.id}.md`), "utf8");
      for (const heading of ["## What to do", "## Why it matters", "## Wrong", "## Right", "## Read more"])
        expect(lesson, `${check.id}: ${heading}`).toContain(heading);
      expect(lesson).toMatch(/## Read more\s+- \[[^\]]+\]\(https:\/\/[^)]+\)/);
      expect(lesson).not.toMatch(/\b(just|simply)\b/i);
      expect(security?.checks.map((entry) => entry.id)).toContain(check.id);
      expect(
        existsSync(join(ROOT, "test/checks/security/patterns", `${check.id}.test.ts`)),
        `${check.id}.test.ts`,
      ).toBe(true);
    }
  });

  describe("whole applications", () => describeCorpus("apps"));

  it("reach precision >= 0.9 and recall >= 0.75 on the labelled corpus, every category", () => {
    const scores = CATEGORIES.map(scoreCorpus);
    const rows = scores.map((s) => {
      const precision = s.truePositives / Math.max(1, s.truePositives + s.falsePositives);
      const recall = s.truePositives / Math.max(1, s.truePositives + s.falseNegatives);
      return {
        category: s.category,
        vulnerable: s.vulnerable,
        safe: s.safe,
        tp: s.truePositives,
        fp: s.falsePositives,
        fn: s.falseNegatives,
        precision: precision.toFixed(2),
        recall: recall.toFixed(2),
      };
    });
    console.table(rows);
    for (const row of rows) {
      expect(Number(row.precision), row.category).toBeGreaterThanOrEqual(0.9);
      expect(Number(row.recall), row.category).toBeGreaterThanOrEqual(0.75);
      expect(row.vulnerable, row.category).toBeGreaterThanOrEqual(10);
      expect(row.safe, row.category).toBeGreaterThanOrEqual(10);
    }
  });
});
