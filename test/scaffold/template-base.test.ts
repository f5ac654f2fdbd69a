import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { loadTemplateBase } from "../../src/scaffold/load-template-base.js";
import { renderTemplate } from "../../src/scaffold/render-template.js";
import { resolveVariables } from "../../src/scaffold/resolve-variables.js";
import { templateIds } from "../../src/scaffold/template-registry.js";
import { ValidationError } from "../../src/validation/validation-error.js";
import { INVALID_TEMPLATES } from "./helpers/fixtures.js";

const LAYERED = resolve(import.meta.dirname, "../fixtures/templates/layered");

describe("a template that extends a base", () => {
  const template = loadTemplate(join(LAYERED, "child-api"));

  it("does not list the base as a template", () => {
    expect(templateIds(LAYERED)).toEqual(["child-api"]);
  });

  it("renders the base's files underneath its own, the template's winning at the same output path", () => {
    expect(template.fileLayers).toEqual([join(LAYERED, "_base", "files"), join(LAYERED, "child-api", "files")]);
    const answers = { projectName: "shop-api", ...resolveVariables(template.manifest, {}) };
    const variables = { ...answers, templateId: "child-api", templateVersion: "1.2.0", year: 2026 };
    const files = renderTemplate(template.fileLayers, variables);
    const text = Object.fromEntries(files.map((file) => [file.path, file.content.toString()]));
    expect(Object.keys(text)).toEqual([
      ".gitignore",
      "README.md",
      "src/greeting.ts",
      "src/own.ts",
      "src/port.ts",
      "src/shared.ts",
    ]);
    expect(text["README.md"]).toBe("from the child\n");
    expect(text["src/shared.ts"]).toBe('export const shared = "shop-api";\n');
    expect(text["src/port.ts"]).toBe("export const port = 3000;\n");
    expect(text["src/greeting.ts"]).toBe('export const greeting = "welcome";\n');
  });

  it("gets the base's variables, and replaces one it declares itself", () => {
    expect(template.manifest.variables.map((variable) => [variable.name, variable.default])).toEqual([
      ["port", 3000],
      ["greeting", "welcome"],
    ]);
  });

  it("refuses an unknown base, naming template.yml, the property and the known bases", () => {
    const dir = join(INVALID_TEMPLATES, "unknown-base");
    let caught: unknown;
    try {
      loadTemplate(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).file).toBe(join(dir, "template.yml"));
    const expected =
      "a base folder next to the template, holding base.yml and files/" + ` (none found in ${INVALID_TEMPLATES})`;
    expect((caught as ValidationError).issues).toEqual([{ path: "extends", expected, received: '"_nope"' }]);
  });

  it("refuses to load a folder without base.yml as a base", () => {
    expect(() => loadTemplateBase(join(LAYERED, "child-api"))).toThrow(/base\.yml/);
  });
});
