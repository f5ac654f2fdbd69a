import { describe, expect, it } from "vitest";
import { templateManifestSchema } from "../../src/scaffold/template-manifest-schema.js";
import { ValidationError, parseWith } from "../../src/validation/validation-error.js";

const exercise = (id: string) => ({
  id,
  title: `Exercise ${id}`,
  body: "Do it.",
  acceptance: ["A test proves it."],
  tips: ["Read the router first."],
  hint: { nudge: "What does the test need to send?", approach: "Write the failing test first, then the code." },
  checks: ["test-missing"],
  criteria: ["tests"],
  skill: "testing",
});
const valid = {
  id: "tasks-api",
  version: "1.0.0",
  title: "Tasks API",
  description: "CRUD with pagination.",
  difficulty: "beginner",
  stack: ["typescript"],
  rubric: "junior-backend",
  variables: [{ name: "port", prompt: "Port", type: "number", default: 3000, min: 1024, max: 65535 }],
  exercises: ["a", "b", "c", "d", "e"].map(exercise),
};

function issuesOf(data: unknown): string[] {
  try {
    parseWith(templateManifestSchema, data, "starter-templates/x/template.yml");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).file).toBe("starter-templates/x/template.yml");
    return (error as ValidationError).issues.map((issue) => `${issue.path}: expected ${issue.expected}`);
  }
  return [];
}

describe("templateManifestSchema", () => {
  it("accepts a complete manifest and fills defaults", () => {
    const manifest = parseWith(templateManifestSchema, { ...valid, variables: undefined }, "t.yml");
    expect(manifest.variables).toEqual([]);
    expect(parseWith(templateManifestSchema, valid, "t.yml").variables[0]).toMatchObject({
      name: "port",
      required: false,
    });
  });

  it("names the property path of an unknown key, a bad enum and a bad version", () => {
    const issues = issuesOf({ ...valid, colour: "red", difficulty: "expert", version: "one" });
    expect(issues).toEqual(
      expect.arrayContaining([
        "colour: expected only known properties (unknown key)",
        expect.stringMatching(/^difficulty: /),
        "version: expected a semantic version such as 1.0.0",
      ]),
    );
  });

  it("requires 5 to 12 exercises with unique ids", () => {
    expect(issuesOf({ ...valid, exercises: valid.exercises.slice(0, 4) })).toEqual([
      expect.stringMatching(/^exercises: /),
    ]);
    expect(
      issuesOf({ ...valid, exercises: [...valid.exercises, ...["f", "g", "h", "i", "j", "k", "l"].map(exercise)] }),
    ).toEqual([]);
    expect(
      issuesOf({
        ...valid,
        exercises: [...valid.exercises, ...["f", "g", "h", "i", "j", "k", "l", "m"].map(exercise)],
      }),
    ).toEqual([expect.stringMatching(/^exercises: /)]);
    expect(issuesOf({ ...valid, exercises: [...valid.exercises, exercise("a")] })).toEqual([
      'exercises[5].id: expected a unique exercise id; "a" appears twice',
    ]);
  });

  it("checks exercises' skill and ids", () => {
    const bad = { ...exercise("Not Kebab"), skill: "juggling" };
    const issues = issuesOf({ ...valid, exercises: [bad, ...valid.exercises.slice(1)] });
    expect(issues).toEqual([
      expect.stringMatching(/^exercises\[0\]\.id: expected a kebab-case id/),
      expect.stringMatching(/^exercises\[0\]\.skill: /),
    ]);
  });

  it("fails an exercise with no acceptance criteria, no rubric criteria or no checks", () => {
    const bad = { ...exercise("a"), acceptance: [], criteria: [], checks: [] };
    expect(issuesOf({ ...valid, exercises: [bad, ...valid.exercises.slice(1)] })).toEqual([
      "exercises[0].criteria: expected at least 1 items",
      "exercises[0].checks: expected at least 1 items",
      "exercises[0].acceptance: expected at least 1 items",
    ]);
    const { acceptance: _acceptance, checks: _checks, ...missing } = exercise("a");
    expect(issuesOf({ ...valid, exercises: [missing, ...valid.exercises.slice(1)] })).toEqual([
      "exercises[0].checks: expected a list (this required property is missing)",
      "exercises[0].acceptance: expected a list (this required property is missing)",
    ]);
  });

  it("makes each acceptance criterion one paragraph, so it becomes one checklist item", () => {
    const bad = { ...exercise("a"), acceptance: ["One line\nwrapped onto a second.", "First part.\n\nSecond part."] };
    expect(issuesOf({ ...valid, exercises: [bad, ...valid.exercises.slice(1)] })).toEqual([
      "exercises[0].acceptance[1]: expected one paragraph of text (no blank line), which becomes one checklist item",
    ]);
  });

  it("requires the two-step hint and refuses code in it and in the tips", () => {
    const { hint: _hint, ...noHint } = exercise("a");
    expect(issuesOf({ ...valid, exercises: [noHint, ...valid.exercises.slice(1)] })).toEqual([
      "exercises[0].hint: expected a mapping (this required property is missing)",
    ]);
    const code = {
      ...exercise("a"),
      tips: ["Use `crypto.randomBytes(32)` for the token."],
      hint: {
        nudge: "Which rows does `UPDATE tasks SET status = $2 WHERE id = $1` change?",
        approach: "An index `ON notes (owner_id, created_at DESC)` serves it.",
      },
    };
    expect(issuesOf({ ...valid, exercises: [code, ...valid.exercises.slice(1)] })).toEqual([
      expect.stringMatching(
        /^exercises\[0\]\.tips\[0\]: expected words that point the way, not code \(found `crypto\.randomBytes\(32\)`\)/,
      ),
      expect.stringMatching(
        /^exercises\[0\]\.hint\.nudge: expected words that point the way, not code \(found `UPDATE tasks/,
      ),
      expect.stringMatching(
        /^exercises\[0\]\.hint\.approach: expected words that point the way, not code \(found `ON notes/,
      ),
    ]);
  });

  it("names the renamed key when an exercise still has the old hints list", () => {
    const { hint: _hint, ...old } = { ...exercise("a"), hints: ["Use zod."] };
    expect(issuesOf({ ...valid, exercises: [old, ...valid.exercises.slice(1)] })).toEqual(
      expect.arrayContaining([
        'exercises[0].hints: expected only known properties (unknown key) (did you mean "hint"?)',
      ]),
    );
  });

  it("checks variables: defaults within rules, unique names, no built-in names, type-specific keys", () => {
    expect(
      issuesOf({ ...valid, variables: [{ name: "port", prompt: "Port", type: "number", default: 80, min: 1024 }] }),
    ).toEqual(["variables[0].default: expected the default to lie between min and max"]);
    expect(
      issuesOf({
        ...valid,
        variables: [{ name: "db", prompt: "Db", type: "choice", choices: ["a", "b"], default: "c" }],
      }),
    ).toEqual(["variables[0].default: expected the default to be one of the choices"]);
    expect(
      issuesOf({
        ...valid,
        variables: [{ name: "slug", prompt: "Slug", type: "string", pattern: "^[a-z]+$", default: "A1" }],
      }),
    ).toEqual(["variables[0].default: expected the default to match the pattern"]);
    expect(
      issuesOf({ ...valid, variables: [{ name: "slug", prompt: "Slug", type: "string", pattern: "([" }] }),
    ).toEqual(["variables[0].pattern: expected a valid regular expression"]);
    expect(issuesOf({ ...valid, variables: [{ name: "projectName", prompt: "Name", type: "string" }] })[0]).toMatch(
      /^variables\[0\]\.name: expected a name other than the built-ins/,
    );
    expect(issuesOf({ ...valid, variables: [valid.variables[0], valid.variables[0]] })).toEqual([
      'variables[1].name: expected a unique variable name; "port" appears twice',
    ]);
    expect(issuesOf({ ...valid, variables: [{ name: "flag", prompt: "Flag", type: "boolean", min: 1 }] })).toEqual([
      "variables[0].min: expected only known properties (unknown key)",
    ]);
  });
});
