import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { appendBaseExercises, EXERCISES_PATH } from "../../src/scaffold/append-base-exercises.js";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { loadTemplateBase } from "../../src/scaffold/load-template-base.js";
import type { RenderedFile } from "../../src/scaffold/render-template.js";
import { scaffold } from "../../src/scaffold/scaffold.js";
import { BUILTIN_TEMPLATES_DIR } from "../../src/scaffold/template-registry.js";
import type { Exercise } from "../../src/scaffold/template-manifest-schema.js";
import { ValidationError } from "../../src/validation/validation-error.js";
import { useTempDirs } from "./helpers/fixtures.js";

const LAYERED = resolve(import.meta.dirname, "../fixtures/templates/layered");
const tempDir = useTempDirs();

/** A copy of the layered fixture (base and child) whose manifests a test may change. */
function layeredCopy(): { root: string; baseFile: string; templateFile: string } {
  const root = tempDir();
  cpSync(LAYERED, root, { recursive: true });
  return { root, baseFile: join(root, "_base", "base.yml"), templateFile: join(root, "child-api", "template.yml") };
}

function validationErrorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

const shipIt: Exercise = { id: "ship-it", title: "Ship it", body: "Build the image.\n", hints: ["docker build"], criteria: ["tests"], skill: "deployment" };

describe("a base's exercises", () => {
  it("come after the template's own, with the same shape", () => {
    const template = loadTemplate(join(LAYERED, "child-api"));
    expect(template.manifest.exercises.map((exercise) => exercise.id)).toEqual([
      "add-tests",
      "validate-input",
      "add-index",
      "log-requests",
      "run-ci",
      "ship-it",
    ]);
    expect(template.base?.manifest.exercises.map((exercise) => exercise.id)).toEqual(["ship-it"]);
  });

  it("are optional: a base.yml without exercises has none", () => {
    const { root, baseFile } = layeredCopy();
    writeFileSync(baseFile, readFileSync(baseFile, "utf8").replace(/\nexercises:[\s\S]*$/, "\n"));
    expect(loadTemplateBase(join(root, "_base")).manifest.exercises).toEqual([]);
    expect(loadTemplate(join(root, "child-api")).manifest.exercises).toHaveLength(5);
  });

  it("refuses a template exercise with a base exercise's id, naming template.yml and the base's entry", () => {
    const { root, baseFile, templateFile } = layeredCopy();
    writeFileSync(templateFile, readFileSync(templateFile, "utf8").replace("id: run-ci", "id: ship-it"));
    const error = validationErrorOf(() => loadTemplate(join(root, "child-api")));
    expect(error.file).toBe(templateFile);
    expect(error.issues).toEqual([
      {
        path: "exercises[4].id",
        expected: `an id other than those of the base's exercises (${baseFile} exercises[0] is "ship-it")`,
        received: '"ship-it"',
      },
    ]);
  });

  it("refuses a base exercise whose criterion the template's rubric lacks, naming base.yml", () => {
    const { root, baseFile } = layeredCopy();
    writeFileSync(baseFile, readFileSync(baseFile, "utf8").replace("criteria: [tests]", "criteria: [tests, uptime]"));
    const error = validationErrorOf(() => loadTemplate(join(root, "child-api")));
    expect(error.file).toBe(baseFile);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe("exercises[0].criteria[1]");
    expect(error.issues[0]?.expected).toMatch(/^a criterion of rubric "junior-backend" \(the rubric of template "child-api"\) \(tests, /);
    expect(error.issues[0]?.received).toBe('"uptime"');
  });

  it("are validated with the exercise schema, naming base.yml and the property path", () => {
    const { root, baseFile } = layeredCopy();
    writeFileSync(baseFile, readFileSync(baseFile, "utf8").replace('    hints: ["docker build"]\n', ""));
    const error = validationErrorOf(() => loadTemplateBase(join(root, "_base")));
    expect(error.file).toBe(baseFile);
    expect(error.issues.map((issue) => issue.path)).toEqual(["exercises[0].hints"]);
  });

  it("must have ids unique within base.yml", () => {
    const { root, baseFile } = layeredCopy();
    const text = readFileSync(baseFile, "utf8");
    writeFileSync(baseFile, text + text.slice(text.indexOf("  - id: ship-it")));
    const error = validationErrorOf(() => loadTemplateBase(join(root, "_base")));
    expect(error.file).toBe(baseFile);
    expect(error.issues).toEqual([expect.objectContaining({ path: "exercises[1].id", expected: 'a unique exercise id; "ship-it" appears twice' })]);
  });
});

describe("appendBaseExercises", () => {
  const file = (path: string, text: string): RenderedFile => ({ path, content: Buffer.from(text, "utf8"), mode: 0o644 });

  it("appends a numbered section after the template's own list", () => {
    const files = [file("README.md", "read me\n"), file(EXERCISES_PATH, "# Exercises\n\n## 1. First\n\nDo it.\n\n")];
    const result = appendBaseExercises(files, [shipIt], 7);
    expect(result[0]).toBe(files[0]);
    expect(result[1]?.content.toString("utf8")).toBe(
      "# Exercises\n\n## 1. First\n\nDo it.\n\n" +
        "## 8. Ship it\n\nSkill: deployment. Rubric criteria: tests. Id: `ship-it`.\n\nBuild the image.\n\n**Hints**\n\n- docker build\n",
    );
  });

  it("creates EXERCISES.md when the template has none, and changes nothing without base exercises", () => {
    const files = [file("README.md", "read me\n")];
    expect(appendBaseExercises(files, [], 5)).toBe(files);
    const created = appendBaseExercises(files, [shipIt], 5).find((rendered) => rendered.path === EXERCISES_PATH);
    expect(created?.content.toString("utf8")).toMatch(/^# Exercises\n\n## 6\. Ship it\n/);
  });
});

describe("the built-in templates", () => {
  it.each(["tasks-api", "bookstore-api", "auth-rbac-api"])("%s's EXERCISES.md and manifest end with the base's deploy-it exercise", async (id) => {
    const template = loadTemplate(join(BUILTIN_TEMPLATES_DIR, id));
    const exercises = template.manifest.exercises;
    expect(exercises.at(-1)?.id).toBe("deploy-it");
    const out = join(tempDir(), id);
    await scaffold({ template, projectName: `try-${id}`, out, git: false, install: false });
    const text = readFileSync(join(out, EXERCISES_PATH), "utf8");
    expect(text).toContain(`## ${exercises.length}. Deploy it with Docker and prove it with a smoke test\n`);
    expect(text.trimEnd().endsWith("so it is easy to find and delete.")).toBe(true);
  });
});
