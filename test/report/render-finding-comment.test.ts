import { describe, expect, it } from "vitest";
import {
  fingerprintMarker,
  parseFingerprintMarker,
  renderFindingComment,
  MAX_COMMENT_LENGTH,
} from "../../src/report/render-finding-comment.js";
import { makeFinding, mixedResult } from "./fixtures.js";

const sqlFinding = () => mixedResult().findings[0]!;

describe("renderFindingComment", () => {
  it("renders badge, message, data flow, suggestion, lesson and fingerprint", () => {
    expect(renderFindingComment(sqlFinding())).toMatchInlineSnapshot(`
      "🛑 **Essential**: must fix · \`sql-query-injection\` · \`sql-injection\`

      Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does.

      **How the data flows:** \`req.query.id -> id -> SQL template\`

      A possible fix, which you can apply from here:

      \`\`\`suggestion
        const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);
      \`\`\`

      📖 Learn how and why in the lesson: [sql-query-injection](https://lessons.example/sql-query-injection.md)

      <!-- apprentice:fp=sql-query-injection-src-routes-users-ts-14 -->"
    `);
  });

  it("leaves out the parts a finding does not have", () => {
    const body = renderFindingComment(makeFinding({ lesson: undefined }));
    expect(body).toMatchInlineSnapshot(`
      "⚠️ **Actionable**: should fix · \`no-console-log\`

      Remove this console.log before merging. Debug output in a server clutters the logs your team relies on.

      <!-- apprentice:fp=no-console-log-src-app-ts-3 -->"
    `);
    expect(body).not.toContain("```suggestion");
    expect(body).not.toContain("data flows");
  });

  it("keeps an empty suggestion, which asks GitHub to delete the lines", () => {
    expect(renderFindingComment(makeFinding({ suggestion: "" }))).toContain("```suggestion\n\n```");
  });

  it("uses a longer fence when the suggestion itself holds backticks", () => {
    const body = renderFindingComment(makeFinding({ suggestion: "const doc = `\n```js\n```\n`;" }));
    expect(body).toContain("````suggestion\nconst doc = `\n```js\n```\n`;\n````");
  });

  it("escapes HTML in the message but keeps its code spans as code", () => {
    const body = renderFindingComment(
      makeFinding({ message: "Do not render <script> from `req.body.<name>` unescaped." }),
    );
    expect(body).toContain("Do not render &lt;script&gt; from `req.body.<name>` unescaped.");
  });

  it("stays within GitHub's comment size when the suggestion is huge", () => {
    const body = renderFindingComment(makeFinding({ suggestion: "x".repeat(MAX_COMMENT_LENGTH) }));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).not.toContain("```suggestion");
    expect(body).toContain("too long to show");
    expect(parseFingerprintMarker(body)).toBe("no-console-log-src-app-ts-3");
  });

  it("stays within GitHub's comment size when the message is huge", () => {
    const body = renderFindingComment(makeFinding({ message: "y".repeat(MAX_COMMENT_LENGTH * 2) }));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body).toContain("y…");
    expect(parseFingerprintMarker(body)).toBe("no-console-log-src-app-ts-3");
  });
});

describe("fingerprint markers", () => {
  it("round-trips a fingerprint through a comment body", () => {
    const fingerprint = "3fa2c91d0be47a55e612";
    const body = renderFindingComment(makeFinding({ fingerprint }));
    expect(fingerprintMarker(fingerprint)).toBe("<!-- apprentice:fp=3fa2c91d0be47a55e612 -->");
    expect(body.endsWith(fingerprintMarker(fingerprint))).toBe(true);
    expect(parseFingerprintMarker(body)).toBe(fingerprint);
  });

  it("encodes characters that could end the HTML comment early", () => {
    const marker = fingerprintMarker("a --> b");
    expect(marker).toBe("<!-- apprentice:fp=a%20--%3E%20b -->");
    expect(parseFingerprintMarker(`text\n${marker}`)).toBe("a --> b");
  });

  it("finds nothing in bodies without a marker or with a broken one", () => {
    expect(parseFingerprintMarker("A comment a person wrote.")).toBeUndefined();
    expect(parseFingerprintMarker("<!-- apprentice:summary -->")).toBeUndefined();
    expect(parseFingerprintMarker("<!-- apprentice:fp=%E0%A4%A -->")).toBeUndefined();
  });
});
