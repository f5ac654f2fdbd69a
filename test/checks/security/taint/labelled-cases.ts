/**
 * Loads the labelled security fixtures: test/fixtures/security/<category>/{vulnerable,safe}/<case>.
 * A line holding `expect: <category>` is a vulnerable sink of that category; `expect: <category> line N`
 * labels line N instead (for template languages without same-line comments).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "../../../fixtures/security");

/** The categories the taint checks cover; their fixture folders, plus whole apps in `taint-apps`, are ours. */
export const TAINT_CATEGORIES = [
  "sql-injection",
  "nosql-injection",
  "command-injection",
  "code-injection",
  "xss",
  "path-traversal",
  "open-redirect",
  "ssrf",
  "prototype-pollution",
  "regex-dos",
  "mass-assignment",
];
const FOLDERS = [...TAINT_CATEGORIES, "taint-apps"];

export interface LabelledCase {
  /** Category folder the case lives in. */
  folder: string;
  kind: "vulnerable" | "safe";
  path: string;
  content: string;
  /** "category:line" labels. */
  expected: Set<string>;
}

export function labelsOf(content: string): Set<string> {
  const labels = new Set<string>();
  content.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(/expect: ([a-z-]+)(?: line (\d+))?/g))
      labels.add(`${match[1]}:${match[2] ?? index + 1}`);
  });
  return labels;
}

export function loadLabelledCases(): LabelledCase[] {
  const cases: LabelledCase[] = [];
  for (const folder of FOLDERS) {
    for (const kind of ["vulnerable", "safe"] as const) {
      let names: string[];
      try {
        names = readdirSync(join(FIXTURES, folder, kind)).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(folder, kind, name);
        const content = readFileSync(join(FIXTURES, path), "utf8");
        cases.push({ folder, kind, path, content, expected: labelsOf(content) });
      }
    }
  }
  return cases;
}
