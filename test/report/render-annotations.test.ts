import { describe, expect, it } from "vitest";
import { MAX_ANNOTATION_BYTES, toAnnotations } from "../../src/report/render-annotations.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

describe("toAnnotations", () => {
  it("maps every finding, most important first, with GitHub's annotation levels", () => {
    const annotations = toAnnotations(mixedResult());
    expect(annotations.map((annotation) => [annotation.annotation_level, annotation.title])).toEqual([
      ["failure", "sql-query-injection (sql-injection)"],
      ["warning", "no-console-log"],
      ["notice", "prefer-const"],
      ["notice", "test-asserts-response"],
    ]);
    expect(annotations[0]).toMatchInlineSnapshot(`
      {
        "annotation_level": "failure",
        "end_line": 14,
        "message": "Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does.

      Lesson: https://lessons.example/sql-query-injection.md",
        "path": "src/routes/users.ts",
        "raw_details": "How the data flows: req.query.id -> id -> SQL template

      A possible fix for line 14:
        const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);",
        "start_line": 14,
        "title": "sql-query-injection (sql-injection)",
      }
    `);
  });

  it("orders by level even when the result lists findings in another order", () => {
    const findings = [
      makeFinding({ level: "informative", line: 1 }),
      makeFinding({ level: "essential", line: 9 }),
      makeFinding({ level: "actionable", line: 5 }),
    ];
    expect(toAnnotations(makeResult({ findings })).map((annotation) => annotation.start_line)).toEqual([9, 5, 1]);
  });

  it("leaves raw_details out when there is no data flow or fix, and keeps lines valid", () => {
    const [annotation] = toAnnotations(
      makeResult({ findings: [makeFinding({ line: 0, endLine: undefined, lesson: undefined })] }),
    );
    expect(annotation).toEqual({
      path: "src/app.ts",
      start_line: 1,
      end_line: 1,
      annotation_level: "warning",
      title: "no-console-log",
      message:
        "Remove this console.log before merging. Debug output in a server clutters the logs your team relies on.",
    });
  });

  it("keeps message and details within 64 KB", () => {
    const huge = "é".repeat(MAX_ANNOTATION_BYTES);
    const [annotation] = toAnnotations(makeResult({ findings: [makeFinding({ message: huge, suggestion: huge })] }));
    expect(Buffer.byteLength(annotation!.message, "utf8")).toBeLessThanOrEqual(MAX_ANNOTATION_BYTES);
    expect(Buffer.byteLength(annotation!.raw_details!, "utf8")).toBeLessThanOrEqual(MAX_ANNOTATION_BYTES);
    expect(annotation!.message.endsWith("…")).toBe(true);
  });
});
