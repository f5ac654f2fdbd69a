/**
 * Exercises as loadTemplate checks them against the rubric: criteria of the rubric, checks of those criteria,
 * the base's exercises after the template's own, and no hand-kept EXERCISES.md.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { checksById } from "../../src/checks/registry.js";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { listTemplates } from "../../src/scaffold/template-registry.js";
import { ValidationError } from "../../src/validation/validation-error.js";
import { useTempDirs } from "./helpers/fixtures.js";

const LAYERED = resolve(import.meta.dirname, "../fixtures/templates/layered");
const tempDir = useTempDirs();

type Yaml = Record<string, unknown> & { exercises?: Record<string, unknown>[] };

/** A copy of the layered fixture (child-api on _base) with its manifests changed by `edit`. */
function layeredCopy(edit: (child: Yaml, base: Yaml) => void): string {
  const root = tempDir();
  cpSync(LAYERED, root, { recursive: true });
  const childFile = join(root, "child-api", "template.yml");
  const baseFile = join(root, "_base", "base.yml");
  const child = parse(readFileSync(childFile, "utf8")) as Yaml;
  const base = parse(readFileSync(baseFile, "utf8")) as Yaml;
  edit(child, base);
  writeFileSync(childFile, stringify(child));
  writeFileSync(baseFile, stringify(base));
  return root;
}

function failure(dir: string): { file: string; issues: string[] } {
  try {
    loadTemplate(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { file, issues } = error as ValidationError;
    return {
      file,
      issues: issues.map(
        (issue) =>
          `${issue.path}: expected ${issue.expected}${issue.received === undefined ? "" : `; got ${issue.received}`}`,
      ),
    };
  }
  throw new Error(`expected ${dir} to be invalid`);
}

const deployIt = {
  id: "deploy-it",
  title: "Deploy it",
  skill: "deployment",
  criteria: ["operations"],
  checks: ["health-endpoint"],
  body: "Run it as an image.",
  acceptance: ["The container reports healthy."],
  hint: { nudge: "What does the health check call?", approach: "Probe the readiness endpoint from the image." },
};

describe("exercises at template load", () => {
  it("names an unknown check, with the closest id, and a check of a criterion the exercise does not name", () => {
    const root = layeredCopy((child) => {
      child.exercises![0]!.checks = ["test-misssing"];
      child.exercises![1]!.checks = ["error-status"];
    });
    expect(failure(join(root, "child-api"))).toEqual({
      file: join(root, "child-api", "template.yml"),
      issues: [
        'exercises[0].checks[0]: expected the id of a check in rubric "junior-backend" (see docs/checks.md or `npm run review -- --list-checks`); did you mean "test-missing"?; got "test-misssing"',
        'exercises[1].checks[0]: expected a check of this exercise\'s criteria (security, clean-code); "error-status" counts toward "api-design", so add "api-design" to criteria or name another check; got "error-status"',
      ],
    });
  });

  it("adds the base's exercises after the template's own", () => {
    const root = layeredCopy((_child, base) => {
      base.exercises = [deployIt];
    });
    const ids = loadTemplate(join(root, "child-api")).manifest.exercises.map((exercise) => exercise.id);
    expect(ids).toEqual(["add-tests", "validate-input", "add-index", "log-requests", "run-ci", "deploy-it"]);
  });

  it("checks the base's exercises against the template's rubric, naming base.yml", () => {
    const root = layeredCopy((_child, base) => {
      base.exercises = [{ ...deployIt, checks: ["no-such-check"] }];
    });
    const { file, issues } = failure(join(root, "child-api"));
    expect(file).toBe(join(root, "_base", "base.yml"));
    expect(issues).toEqual([
      expect.stringMatching(
        /^exercises\[0\]\.checks\[0\]: expected the id of a check in rubric "junior-backend" .*\(for template "child-api"\); got "no-such-check"$/,
      ),
    ]);
  });

  it("keeps exercise ids unique across the base, and the total within 12", () => {
    const clash = layeredCopy((child, base) => {
      base.exercises = [{ ...deployIt, id: "add-tests" }];
    });
    expect(failure(join(clash, "child-api")).issues).toEqual([
      expect.stringMatching(
        /^exercises\[0\]\.id: expected an id other than those of the exercises in .*base\.yml; got "add-tests"$/,
      ),
    ]);
    const many = layeredCopy((child, base) => {
      base.exercises = ["a", "b", "c", "d", "e", "f", "g", "h"].map((letter) => ({
        ...deployIt,
        id: `deploy-${letter}`,
      }));
    });
    expect(failure(join(many, "child-api")).issues).toEqual([
      expect.stringMatching(
        /^exercises: expected at most 12 exercises together with the base's \(5 here and 8 in .*base\.yml\)$/,
      ),
    ]);
  });

  it("refuses a hand-kept EXERCISES.md, which is written from the manifest", () => {
    const root = layeredCopy(() => undefined);
    mkdirSync(join(root, "child-api", "files"), { recursive: true });
    writeFileSync(join(root, "child-api", "files", "EXERCISES.md.eta"), "# Exercises\n");
    expect(failure(join(root, "child-api")).issues).toEqual([
      expect.stringMatching(
        /^\(root\): expected no files\/EXERCISES\.md\.eta: EXERCISES\.md is written from the exercises in the manifest/,
      ),
    ]);
  });
});

describe("the built-in templates' exercises", () => {
  const templates = listTemplates();

  it.each(templates.map((template) => [template.manifest.id, template] as const))(
    "%s names only checks Apprentice's registry knows",
    (_id, template) => {
      for (const exercise of template.manifest.exercises) {
        expect(
          exercise.checks.filter((check) => !checksById.has(check)),
          exercise.id,
        ).toEqual([]);
        expect(exercise.acceptance.length, exercise.id).toBeGreaterThan(0);
      }
    },
  );
});
