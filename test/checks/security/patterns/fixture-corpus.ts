/**
 * Labelled fixture corpus: test/fixtures/security/<category>/{vulnerable,safe}/**. A line ending in
 * `expect: <category>` must be reported with that category; a line carrying `ok: <category>` is a safe
 * case that must not be reported. No other line may be reported.
 * The file's path below vulnerable/ or safe/ is the path the checks see (so `safe/user.test.js` is a test file).
 * `apps/` holds whole small applications mixing categories; they count toward every category's score.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { SECURITY_CATEGORIES } from "../../../../src/contract/security-categories.js";
import { runPatternChecks } from "./run-pattern-checks.js";

const ROOT = join(import.meta.dirname, "../../../fixtures/security");
const LABEL = new RegExp(`\\b(expect|ok):\\s*(${SECURITY_CATEGORIES.join("|")})\\b`);

export interface CorpusScore {
  category: string;
  vulnerable: number;
  safe: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface CorpusCase {
  file: string;
  virtualPath: string;
  expected: Map<number, string>;
  safeLines: Map<number, string>;
  content: string;
}

export function loadCorpus(dir: string): CorpusCase[] {
  return (["vulnerable", "safe"] as const).flatMap((kind) =>
    filesUnder(join(ROOT, dir, kind)).map((file) => {
      const content = readFileSync(file, "utf8");
      const expected = new Map<number, string>();
      const safeLines = new Map<number, string>();
      content.split("\n").forEach((text, index) => {
        const label = LABEL.exec(text);
        if (label) (label[1] === "expect" ? expected : safeLines).set(index + 1, label[2] ?? "");
      });
      return {
        file: relative(ROOT, file),
        virtualPath: relative(join(ROOT, dir, kind), file),
        expected,
        safeLines,
        content,
      };
    }),
  );
}

/** Scores the checks on one category's corpus, counting only findings of that category (or on its labelled lines). */
export function scoreCorpus(category: string): CorpusScore {
  const score: CorpusScore = {
    category,
    vulnerable: 0,
    safe: 0,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
  };
  for (const corpusCase of [...loadCorpus(category), ...loadCorpus("apps")]) {
    const findings = runPatternChecks(corpusCase.virtualPath, corpusCase.content);
    score.vulnerable += [...corpusCase.expected.values()].filter((label) => label === category).length;
    score.safe += [...corpusCase.safeLines.values()].filter((label) => label === category).length;
    for (const [line, label] of corpusCase.expected) {
      if (label !== category) continue;
      if (findings.some((finding) => finding.line === line && finding.category === category)) score.truePositives++;
      else score.falseNegatives++;
    }
    score.falsePositives += findings.filter(
      (finding) => finding.category === category && corpusCase.expected.get(finding.line) !== category,
    ).length;
  }
  return score;
}

/** Registers the corpus tests for one directory: every labelled line found, nothing else reported. */
export function describeCorpus(category: string): void {
  const cases = loadCorpus(category);

  if (category !== "apps")
    it("has at least 10 vulnerable and 10 safe labelled cases", () => {
      const vulnerable = cases.reduce(
        (sum, item) => sum + [...item.expected.values()].filter((label) => label === category).length,
        0,
      );
      const safe = cases.reduce(
        (sum, item) => sum + [...item.safeLines.values()].filter((label) => label === category).length,
        0,
      );
      expect(vulnerable).toBeGreaterThanOrEqual(10);
      expect(safe).toBeGreaterThanOrEqual(10);
    });

  for (const corpusCase of cases) {
    it(`${corpusCase.file}: reports exactly the labelled lines`, () => {
      const findings = runPatternChecks(corpusCase.virtualPath, corpusCase.content);
      const reported = findings.map((finding) => `${finding.line}:${finding.category}`).sort();
      const expected = [...corpusCase.expected].map(([line, label]) => `${line}:${label}`).sort();
      expect([...new Set(reported)]).toEqual(expected);
      for (const finding of findings) {
        expect(finding.message).not.toMatch(/\b(just|simply)\b/i);
      }
    });
  }
}
