import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { BUILTIN_TEMPLATES_DIR, templateIds } from "../../src/scaffold/template-registry.js";
import { listSourceFiles } from "../../src/scaffold/render-template.js";

/**
 * A template file at the same path as a base file replaces it. A byte-identical copy replaces nothing: it
 * is a duplicate that drifts the day one side changes. Delete the template's copy and let the base render it.
 */
describe.each(templateIds())("starter template %s over its base", (id) => {
  const template = loadTemplate(join(BUILTIN_TEMPLATES_DIR, id));

  it("extends the shared base", () => {
    expect(template.base?.dir).toBe(join(BUILTIN_TEMPLATES_DIR, "_base"));
  });

  it("has no file identical to the base file it shadows", () => {
    const base = template.base;
    if (base === undefined) return;
    const identical = listSourceFiles(template.filesDir).filter((path) => {
      const shadowed = join(base.filesDir, path);
      return existsSync(shadowed) && readFileSync(shadowed).equals(readFileSync(join(template.filesDir, path)));
    });
    expect(identical.map((path) => relative(BUILTIN_TEMPLATES_DIR, join(template.filesDir, path)))).toEqual([]);
  });
});
