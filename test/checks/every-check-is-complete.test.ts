/**
 * A check is done when its code, its test, its lesson and its rubric entry all exist
 * (after typescript-eslint's docs test). This fails when any of the four is missing.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allChecks, checksById } from "../../src/checks/registry.js";
import { builtinRubricIds, loadRubric } from "../../src/rubric/load-rubric.js";
import { SECURITY_CATEGORIES } from "../../src/contract/security-categories.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const testSources = filesUnder("test")
  .filter((path) => path.endsWith(".test.ts") && !path.endsWith("every-check-is-complete.test.ts"))
  .map((path) => readFileSync(path, "utf8"));
const lessons = new Set(
  readdirSync("rubrics/lessons")
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -3)),
);
const rubricCheckIds = new Set(
  builtinRubricIds().flatMap((id) =>
    loadRubric(id, checksById).criteria.flatMap((criterion) => criterion.checks.map((check) => check.id)),
  ),
);

describe("every check is complete", () => {
  it("has unique kebab-case ids", () => {
    const ids = allChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("every built-in rubric loads and names at least one check per criterion", () => {
    for (const id of builtinRubricIds()) expect(loadRubric(id, checksById).criteria.length).toBeGreaterThan(0);
  });

  for (const check of allChecks) {
    describe(check.id, () => {
      it("has a test that names it", () => {
        expect(testSources.some((source) => source.includes(`"${check.id}"`) || source.includes(`'${check.id}'`))).toBe(
          true,
        );
      });

      it("has a lesson with what to do, why, a wrong and a right example, and a link", () => {
        expect(lessons.has(check.id), `rubrics/lessons/${check.id}.md is missing`).toBe(true);
        const lesson = readFileSync(`rubrics/lessons/${check.id}.md`, "utf8");
        expect(lesson).toMatch(/^#\s+\S/m);
        expect(lesson).toMatch(/^##\s+.*what to do/im);
        expect(lesson).toMatch(/^##\s+.*why/im);
        expect(lesson).toMatch(/^##\s+.*read more/im);
        expect(lesson.match(/^```/gm)?.length ?? 0, "a wrong and a right example").toBeGreaterThanOrEqual(4);
        expect(lesson).toMatch(/\]\(https?:\/\/[^)]+\)/);
        expect(lesson, "feedback never says 'just' or 'simply'").not.toMatch(/\b(just|simply)\b/i);
      });

      it("has an entry in a built-in rubric", () => {
        expect(rubricCheckIds.has(check.id)).toBe(true);
      });

      if (check.criterion === "security" && check.kind !== "engine") {
        it("names a known security category", () => {
          const categories =
            check.kind === "eslint"
              ? [check.category, ...Object.values(check.categoryByMessageId ?? {})]
              : [check.category];
          expect(categories.filter(Boolean).length, "a security check needs a category").toBeGreaterThan(0);
          for (const category of categories.filter(Boolean)) expect(SECURITY_CATEGORIES).toContain(category);
        });
      }
    });
  }

  it("defers only to other checks that exist", () => {
    for (const check of allChecks)
      for (const entry of check.defersTo ?? []) {
        const other = typeof entry === "string" ? entry : entry.check;
        expect(checksById.has(other) && other !== check.id, `${check.id} defers to ${other}`).toBe(true);
      }
  });

  it("has no lesson without a check", () => {
    const ids = new Set(allChecks.map((check) => check.id));
    expect([...lessons].filter((lesson) => !ids.has(lesson))).toEqual([]);
  });
});

describe("docs/checks.md", () => {
  it("is up to date with the registry (run scripts/generate-docs.ts)", async () => {
    const { checksMarkdown } = await import("../../src/checks/checks-markdown.js");
    expect(readFileSync("docs/checks.md", "utf8")).toBe(checksMarkdown());
  });
});
