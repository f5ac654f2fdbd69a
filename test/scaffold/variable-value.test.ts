import { describe, expect, it } from "vitest";
import { parseVarFlags, resolveVariables } from "../../src/scaffold/resolve-variables.js";
import type { TemplateManifest, TemplateVariable } from "../../src/scaffold/template-manifest-schema.js";
import { fallbackValue, parseVariableValue } from "../../src/scaffold/variable-value.js";
import { projectNameError } from "../../src/scaffold/validate-project-name.js";

const port: TemplateVariable = {
  name: "port",
  prompt: "Port",
  type: "number",
  default: 3000,
  min: 1024,
  max: 65535,
  required: false,
};
const slug: TemplateVariable = { name: "slug", prompt: "Slug", type: "string", pattern: "^[a-z]+$", required: true };
const cache: TemplateVariable = { name: "cache", prompt: "Cache?", type: "boolean", required: false };
const db: TemplateVariable = {
  name: "db",
  prompt: "Database",
  type: "choice",
  choices: ["pg", "pglite"],
  required: false,
};
const manifest = { id: "t", variables: [port, slug, cache, db] } as unknown as TemplateManifest;

describe("parseVariableValue", () => {
  it("converts and checks numbers against min and max", () => {
    expect(parseVariableValue(port, "8080")).toEqual({ ok: true, value: 8080 });
    expect(parseVariableValue(port, "80")).toEqual({ ok: false, rule: "must be at least 1024" });
    expect(parseVariableValue(port, "70000")).toEqual({ ok: false, rule: "must be at most 65535" });
    expect(parseVariableValue(port, "eighty")).toEqual({ ok: false, rule: "must be a number" });
    expect(parseVariableValue(port, "")).toEqual({ ok: false, rule: "must be a number" });
  });

  it("checks strings against pattern and required", () => {
    expect(parseVariableValue(slug, "shop")).toEqual({ ok: true, value: "shop" });
    expect(parseVariableValue(slug, "../etc")).toEqual({ ok: false, rule: "must match the pattern ^[a-z]+$" });
    expect(parseVariableValue(slug, "")).toEqual({ ok: false, rule: "is required and may not be empty" });
  });

  it("reads booleans and choices", () => {
    expect(parseVariableValue(cache, "yes")).toEqual({ ok: true, value: true });
    expect(parseVariableValue(cache, "false")).toEqual({ ok: true, value: false });
    expect(parseVariableValue(cache, "maybe")).toEqual({ ok: false, rule: "must be true or false" });
    expect(parseVariableValue(db, "pg")).toEqual({ ok: true, value: "pg" });
    expect(parseVariableValue(db, "mysql")).toEqual({ ok: false, rule: "must be one of: pg, pglite" });
  });

  it("falls back to the default, or a neutral value for optional strings and booleans", () => {
    expect(fallbackValue(port)).toBe(3000);
    expect(fallbackValue(cache)).toBe(false);
    expect(fallbackValue(slug)).toBeUndefined();
    expect(fallbackValue(db)).toBeUndefined();
  });
});

describe("resolveVariables", () => {
  it("uses --var values and fallbacks", () => {
    expect(resolveVariables(manifest, { slug: "shop", db: "pg" })).toEqual({
      port: 3000,
      slug: "shop",
      cache: false,
      db: "pg",
    });
  });

  it("names the variable, the rule and the flag when a value is bad or missing", () => {
    expect(() => resolveVariables(manifest, { slug: "shop", db: "pg", port: "80" })).toThrow(
      'Variable "port" must be at least 1024 (got "80"). Fix --var port=...',
    );
    expect(() => resolveVariables(manifest, { db: "pg" })).toThrow(
      'Variable "slug" needs a value (Slug). Pass --var slug=...',
    );
  });

  it("refuses a variable the template does not have and lists the known ones", () => {
    expect(() => resolveVariables(manifest, { colour: "red" })).toThrow(
      'Unknown variable "colour" for template t. Its variables are: port, slug, cache, db',
    );
  });
});

describe("parseVarFlags", () => {
  it("splits key=value at the first equals sign", () => {
    expect(parseVarFlags(["port=3000", "title=a=b"])).toEqual({ port: "3000", title: "a=b" });
    expect(() => parseVarFlags(["port"])).toThrow('--var "port" is not key=value');
    expect(() => parseVarFlags(["=3"])).toThrow('--var "=3" is not key=value');
  });
});

describe("projectNameError", () => {
  it("accepts valid npm package names and explains invalid ones", () => {
    expect(projectNameError("my-tasks-api")).toBeUndefined();
    expect(projectNameError("@me/tasks")).toBeUndefined();
    expect(projectNameError("My Tasks")).toMatch(
      /^must be a valid npm package name \(.*\), for example "my-tasks-api"$/,
    );
    expect(projectNameError("../escape")).toMatch(/valid npm package name/);
    expect(projectNameError("")).toMatch(/valid npm package name/);
  });
});
