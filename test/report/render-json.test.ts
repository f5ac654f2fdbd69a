import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toJsonReport } from "../../src/report/render-json.js";
import { TOOL_VERSION } from "../../src/report/tool-info.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

describe("toJsonReport", () => {
  it("renders the documented shape", () => {
    expect(toJsonReport(mixedResult(), { toolVersion: "1.2.3" })).toMatchInlineSnapshot(`
      {
        "conclusion": "failure",
        "criteria": [
          {
            "findingCount": 1,
            "id": "tests",
            "level": "exemplary",
            "max": 10,
            "score": 10,
            "title": "Tests",
          },
          {
            "findingCount": 1,
            "id": "security",
            "level": "developing",
            "max": 10,
            "score": 5,
            "title": "Security",
          },
          {
            "findingCount": 2,
            "id": "clean-code",
            "level": "exemplary",
            "max": 10,
            "score": 9,
            "title": "Clean code",
          },
        ],
        "findings": [
          {
            "criterion": "clean-code",
            "fingerprint": "prefer-const-src-app-ts-2",
            "lesson": "https://lessons.example/prefer-const.md",
            "level": "informative",
            "line": 2,
            "message": "Use const here: the value never changes, and const tells the reader so.",
            "path": "src/app.ts",
            "ruleId": "prefer-const",
          },
          {
            "criterion": "clean-code",
            "fingerprint": "no-console-log-src-app-ts-8",
            "lesson": "https://lessons.example/no-console-log.md",
            "level": "actionable",
            "line": 8,
            "message": "Remove this console.log before merging. Debug output in a server clutters the logs your team relies on.",
            "path": "src/app.ts",
            "ruleId": "no-console-log",
          },
          {
            "category": "sql-injection",
            "column": 5,
            "criterion": "security",
            "endLine": 14,
            "fingerprint": "sql-query-injection-src-routes-users-ts-14",
            "lesson": "https://lessons.example/sql-query-injection.md",
            "level": "essential",
            "line": 14,
            "message": "Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does.",
            "path": "src/routes/users.ts",
            "ruleId": "sql-query-injection",
            "suggestion": "  const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);",
            "trace": "req.query.id -> id -> SQL template",
          },
          {
            "criterion": "tests",
            "fingerprint": "test-asserts-response-test-users-test-ts-10",
            "lesson": "https://lessons.example/test-asserts-response.md",
            "level": "celebratory",
            "line": 10,
            "message": "Your test checks the response body, not only the status code. That catches real regressions.",
            "path": "test/users.test.ts",
            "ruleId": "test-asserts-response",
          },
        ],
        "partial": false,
        "rubric": {
          "id": "junior-backend",
          "title": "Junior backend developer",
        },
        "skipped": [
          {
            "path": "package-lock.json",
            "reason": "generated (lock file)",
          },
        ],
        "stats": {
          "durationMs": 42,
          "filesReviewed": 4,
          "filesSkipped": 1,
          "findingsByLevel": {
            "actionable": 1,
            "celebratory": 1,
            "essential": 1,
            "informative": 1,
          },
        },
        "tool": {
          "name": "apprentice",
          "version": "1.2.3",
        },
        "version": 1,
      }
    `);
  });

  it("orders findings by path, line and rule id, whatever order they came in", () => {
    const findings = [
      makeFinding({ path: "src/b.ts", line: 1, ruleId: "b-rule" }),
      makeFinding({ path: "src/a.ts", line: 9, ruleId: "a-rule" }),
      makeFinding({ path: "src/a.ts", line: 2, ruleId: "z-rule" }),
      makeFinding({ path: "src/a.ts", line: 2, ruleId: "m-rule", level: "essential" }),
    ];
    const forward = toJsonReport(makeResult({ findings }), { toolVersion: "1.2.3" });
    const backward = toJsonReport(makeResult({ findings: [...findings].reverse() }), { toolVersion: "1.2.3" });
    expect(forward.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`)).toEqual([
      "src/a.ts:2 m-rule",
      "src/a.ts:2 z-rule",
      "src/a.ts:9 a-rule",
      "src/b.ts:1 b-rule",
    ]);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it("leaves out optional fields a finding does not have, and internal ones it does", () => {
    const finding = makeFinding({ lesson: undefined, messageId: "internal", scope: "file", endColumn: 4 });
    const [json] = toJsonReport(makeResult({ findings: [finding] })).findings;
    expect(Object.keys(json!)).toEqual(["ruleId", "criterion", "level", "path", "line", "message", "fingerprint"]);
  });

  it("defaults the tool version to the package's", () => {
    expect(toJsonReport(makeResult()).tool).toEqual({ name: "apprentice", version: TOOL_VERSION });
    expect(TOOL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("documents every field in docs/json-report.md", () => {
    const docs = readFileSync(new URL("../../docs/json-report.md", import.meta.url), "utf8");
    const full = makeFinding({ category: "xss", endLine: 4, column: 2, trace: "a -> b", suggestion: "x" });
    const report = toJsonReport(makeResult({ findings: [full], skipped: [{ path: "a.bin", reason: "binary" }] }));
    const documented = [...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(fieldPaths(report).sort());
  });
});

/** Every field path in a report, e.g. "findings", "findings[].ruleId", "stats.findingsByLevel.essential". */
function fieldPaths(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, field]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(field)) return [path, ...(isObject(field[0]) ? fieldPaths(field[0], `${path}[]`) : [])];
    return isObject(field) ? [path, ...fieldPaths(field, path)] : [path];
  });
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
