import { describe, expect, it } from "vitest";
import { renderText } from "../../src/report/render-text.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

// eslint-disable-next-line no-control-regex -- these tests look for terminal escape codes
const ANSI = /\u001b\[/;
// eslint-disable-next-line no-control-regex -- same
const ANSI_CODE = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- same
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/;

describe("renderText", () => {
  it("renders header, scores, findings by file, praise, skipped files and counts", () => {
    expect(renderText(mixedResult())).toMatchInlineSnapshot(`
      "Apprentice review · Junior backend developer (junior-backend)
      Changes needed: Some findings must be fixed before this change is merged; start with the first one listed. Score 24/30.

        Tests       10/10  exemplary
        Security     5/10  developing
        Clean code   9/10  exemplary

      src/app.ts
        src/app.ts:2  informative  prefer-const    Use const here: the value never changes, and const tells the reader so.
            lesson: https://lessons.example/prefer-const.md
        src/app.ts:8  actionable   no-console-log  Remove this console.log before merging. Debug output in a server clutters the logs your team relies on.
            lesson: https://lessons.example/no-console-log.md

      src/routes/users.ts
        src/routes/users.ts:14  essential    sql-query-injection  Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does.
            category: sql-injection
            data flow: req.query.id -> id -> SQL template
            fix:   const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);
            lesson: https://lessons.example/sql-query-injection.md

      What you did well
        + test/users.test.ts:10  Your test checks the response body, not only the status code. That catches real regressions.

      Not reviewed
        package-lock.json  generated (lock file)

      1 essential, 1 actionable, 1 informative, 1 praise · 4 files reviewed, 1 skipped
      "
    `);
  });

  it("renders a clean review with sincere praise, its counts and no finding sections", () => {
    const text = renderText(makeResult({ filesReviewed: 1 }));
    expect(text).toMatchInlineSnapshot(`
      "Apprentice review · Junior backend developer (junior-backend)
      Ready to merge: Nothing in this change has to be fixed before it is merged. Score 30/30.

        Tests       10/10  exemplary
        Security    10/10  exemplary
        Clean code  10/10  exemplary

      What you did well
        This change scored 30 of 30 points, with full marks for Tests, Security and Clean code. Keep working this way.

      0 essential, 0 actionable, 0 informative, 0 praise · 1 file reviewed, 0 skipped
      "
    `);
    expect(text).toContain(
      "What you did well\n  This change scored 30 of 30 points, with full marks for Tests, Security and Clean code.",
    );
    expect(text).not.toContain("Not reviewed");
  });

  it("prints no ANSI codes unless colour is asked for", () => {
    expect(renderText(mixedResult())).not.toMatch(ANSI);
    expect(renderText(mixedResult(), { color: false })).not.toMatch(ANSI);
    const coloured = renderText(mixedResult(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI_CODE, "")).toBe(renderText(mixedResult()));
  });

  it("shows control characters from learner paths and messages instead of sending them to the terminal", () => {
    const result = makeResult({
      findings: [makeFinding({ path: "src/\u001b[31mevil.ts", message: "Look\u0007 here" })],
    });
    const text = renderText(result);
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain("src/\\u001b[31mevil.ts:3");
    expect(text).toContain("Look\\u0007 here");
  });

  it("indents every line of a multi-line suggestion under its label", () => {
    const result = makeResult({ findings: [makeFinding({ suggestion: "const a = 1;\nconst b = 2;\n" })] });
    expect(renderText(result)).toContain("      fix: const a = 1;\n           const b = 2;\n");
  });
});

describe("renderText fixes", () => {
  it("words a fix that only removes code", () => {
    expect(renderText(makeResult({ findings: [makeFinding({ line: 4, suggestion: "    " })] }))).toContain(
      "      fix: remove line 4\n",
    );
    expect(renderText(makeResult({ findings: [makeFinding({ line: 4, endLine: 6, suggestion: "" })] }))).toContain(
      "      fix: remove lines 4-6\n",
    );
  });
});

describe("renderText on a partial review", () => {
  it("says part of the change was not reviewed", () => {
    const result = makeResult({
      findings: [makeFinding({ level: "essential" })],
      partial: true,
      skipped: [{ path: "src/big.ts", reason: "content unavailable" }],
    });
    expect(renderText(result)).toContain("Part of this change could not be reviewed: see the files not reviewed.");
  });
});
