import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { ScaffoldError } from "../../src/scaffold/scaffold-error.js";
import { findTemplate, listTemplates, templateIds } from "../../src/scaffold/template-registry.js";
import { ValidationError } from "../../src/validation/validation-error.js";
import { INVALID_TEMPLATES, VALID_TEMPLATES } from "./helpers/fixtures.js";

function validationIssues(dir: string): string[] {
  try {
    loadTemplate(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).file).toBe(join(dir, "template.yml"));
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error(`expected ${dir} to be invalid`);
}

describe("template registry", () => {
  it("lists the template folders and loads their manifests", () => {
    expect(templateIds(VALID_TEMPLATES)).toEqual(["mini-api", "path-var"]);
    const [mini] = listTemplates(VALID_TEMPLATES);
    expect(mini?.manifest).toMatchObject({
      id: "mini-api",
      version: "1.2.0",
      difficulty: "beginner",
      rubric: "junior-backend",
    });
    expect(mini?.filesDir).toBe(join(VALID_TEMPLATES, "mini-api", "files"));
  });

  it("returns no ids for a missing folder", () => {
    expect(templateIds(join(VALID_TEMPLATES, "does-not-exist"))).toEqual([]);
  });

  it("refuses an unknown template and lists the known ones", () => {
    expect(() => findTemplate("blog-api", VALID_TEMPLATES)).toThrow(ScaffoldError);
    expect(() => findTemplate("blog-api", VALID_TEMPLATES)).toThrow(
      'Unknown template "blog-api". Pass --template with one of: mini-api, path-var (see --list).',
    );
  });

  it("names each bad property of a broken manifest", () => {
    expect(validationIssues(join(INVALID_TEMPLATES, "bad-manifest"))).toEqual(
      expect.arrayContaining(["version", "difficulty", "colour", "exercises", "variables[0].default"]),
    );
  });

  it("requires the id to equal the folder name", () => {
    expect(validationIssues(join(INVALID_TEMPLATES, "wrong-id"))).toEqual(["id"]);
  });

  it("requires every exercise's criteria to be criteria of the template's rubric, and its checks checks of them", () => {
    expect(validationIssues(join(INVALID_TEMPLATES, "unknown-criterion"))).toEqual([
      "exercises[0].criteria[0]",
      "exercises[0].checks[0]",
    ]);
  });

  it("refuses a folder without template.yml", () => {
    expect(validationIssues(INVALID_TEMPLATES)).toEqual(["(root)"]);
  });
});
