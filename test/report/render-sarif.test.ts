import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY, MAX_SARIF_RESULTS, toSarif, type SarifRuleInfo } from "../../src/report/render-sarif.js";
import { allChecks } from "../../src/checks/registry.js";
import { sarifRulesFromChecks } from "../../src/report/sarif-rules.js";
import { makeFinding, makeResult, mixedResult } from "./fixtures.js";

const schema = JSON.parse(
  readFileSync(new URL("../schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
) as object;
// unicodeRegExp: false because the schema's `language` pattern ("...[a-zA-Z]{2}]?$") has a stray
// bracket that is invalid with the `u` flag; JSON Schema draft-04 patterns are ECMA 262 without it.
// Both packages are CommonJS: under NodeNext their classes are the default export's `default`.
const ajv = new AjvDraft04.default({ allErrors: true, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const rules: SarifRuleInfo[] = [
  {
    id: "sql-query-injection",
    description: "Queries take request data only as parameters.",
    category: "sql-injection",
    lessonUrl: "https://lessons.example/sql-query-injection.md",
    criterion: "security",
  },
  {
    id: "no-console-log",
    description: "No console.log left in application code.",
    lessonUrl: "https://lessons.example/no-console-log.md",
    criterion: "clean-code",
  },
  {
    id: "prefer-const",
    description: "Use const for bindings that never change.",
    lessonUrl: "https://lessons.example/prefer-const.md",
    criterion: "clean-code",
  },
];

describe("toSarif", () => {
  it("produces a log the official SARIF 2.1.0 schema accepts", () => {
    expectValidSarif(toSarif(mixedResult(), { toolVersion: "1.2.3", rules }));
  });

  it("stays valid with the rules of every registered check", () => {
    expectValidSarif(toSarif(mixedResult(), { rules: sarifRulesFromChecks(allChecks) }));
  });

  it("is checked by a validator that does reject broken logs", () => {
    const log = toSarif(mixedResult(), { toolVersion: "1.2.3", rules });
    expect(validateSarif({ ...log, version: "2.0.0" })).toBe(false);
    const run = log.runs[0]!;
    const badResult = { ...run.results![0]!, level: "fatal" };
    expect(validateSarif({ ...log, runs: [{ ...run, results: [badResult] }] })).toBe(false);
  });

  it("describes the tool and its rules, with security tags and severity for security rules", () => {
    const driver = toSarif(mixedResult(), { toolVersion: "1.2.3", rules }).runs[0]!.tool.driver;
    expect({ name: driver.name, version: driver.version, informationUri: driver.informationUri }).toEqual({
      name: "apprentice",
      version: "1.2.3",
      informationUri: "https://github.com/apprentice-app/apprentice",
    });
    expect(driver.rules?.[0]).toMatchInlineSnapshot(`
      {
        "fullDescription": {
          "text": "Queries take request data only as parameters. The lesson explains why it matters, with a wrong and a right example.",
        },
        "help": {
          "markdown": "[Read the lesson](https://lessons.example/sql-query-injection.md) to see why it matters and how to fix it.",
          "text": "Read the lesson: https://lessons.example/sql-query-injection.md",
        },
        "helpUri": "https://lessons.example/sql-query-injection.md",
        "id": "sql-query-injection",
        "properties": {
          "security-severity": "8.8",
          "tags": [
            "security",
            "sql-injection",
            "external/cwe/cwe-089",
          ],
        },
        "shortDescription": {
          "text": "Queries take request data only as parameters.",
        },
      }
    `);
    expect(driver.rules?.[1]?.properties).toEqual({ tags: ["clean-code"] });
  });

  it("maps findings to results with level, location, fingerprint and data flow", () => {
    const results = toSarif(mixedResult(), { toolVersion: "1.2.3", rules }).runs[0]!.results!;
    expect(results.map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ["sql-query-injection", 0, "error"],
      ["no-console-log", 1, "warning"],
      ["prefer-const", 2, "note"],
    ]);
    expect(results[0]).toMatchInlineSnapshot(`
      {
        "level": "error",
        "locations": [
          {
            "physicalLocation": {
              "artifactLocation": {
                "uri": "src/routes/users.ts",
                "uriBaseId": "%SRCROOT%",
              },
              "region": {
                "endLine": 14,
                "startColumn": 5,
                "startLine": 14,
              },
            },
          },
        ],
        "message": {
          "text": "Pass \`id\` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does. Data flow: req.query.id -> id -> SQL template.",
        },
        "partialFingerprints": {
          "apprentice/v1": "sql-query-injection-src-routes-users-ts-14",
        },
        "properties": {
          "apprentice/level": "essential",
          "category": "sql-injection",
          "criterion": "security",
        },
        "ruleId": "sql-query-injection",
        "ruleIndex": 0,
      }
    `);
  });

  it("leaves praise out, because code scanning shows every result as an alert", () => {
    const run = toSarif(mixedResult(), { toolVersion: "1.2.3", rules }).runs[0]!;
    expect(run.results?.some((result) => result.ruleId === "test-asserts-response")).toBe(false);
    expect(run.properties?.["apprentice/praiseLeftOut"]).toBe(1);
  });

  it("adds a rule for a result whose rule the caller did not describe", () => {
    const result = makeResult({
      findings: [makeFinding({ ruleId: "secret-in-code", category: "hardcoded-secret", criterion: "security" })],
    });
    const log = toSarif(result, { toolVersion: "1.2.3", rules: [] });
    expectValidSarif(log);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.rules?.map((rule) => rule.id)).toEqual(["secret-in-code"]);
    expect(driver.rules?.[0]?.properties).toEqual({
      tags: ["security", "hardcoded-secret", "external/cwe/cwe-798"],
      "security-severity": "7.5",
    });
    expect(log.runs[0]!.results![0]!.ruleIndex).toBe(0);
  });

  it("writes paths as relative, encoded URIs and keeps regions valid", () => {
    const result = makeResult({ findings: [makeFinding({ path: "./src/my file#1.ts", line: 0, column: 0 })] });
    const log = toSarif(result, { toolVersion: "1.2.3", rules });
    expectValidSarif(log);
    const location = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: "src/my%20file%231.ts", uriBaseId: "%SRCROOT%" });
    expect(location.region).toEqual({ startLine: 1 });
  });

  it("keeps the most important results when there are more than GitHub accepts, and says so", () => {
    const notes = Array.from({ length: MAX_SARIF_RESULTS }, (_, index) =>
      makeFinding({ ruleId: "prefer-const", level: "informative", line: index + 1 }),
    );
    const essential = makeFinding({ ruleId: "sql-query-injection", level: "essential", path: "z/last.ts", line: 99 });
    const log = toSarif(makeResult({ findings: [...notes, essential] }), { toolVersion: "1.2.3", rules });
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.results![0]!.ruleId).toBe("sql-query-injection");
    expect(run.results!.at(-1)!.locations![0]!.physicalLocation!.region!.startLine).toBe(MAX_SARIF_RESULTS - 1);
    expect(run.properties).toMatchObject({
      "apprentice/truncated": true,
      "apprentice/omittedResults": 1,
      "apprentice/totalResults": MAX_SARIF_RESULTS + 1,
    });
    expectValidSarif(log);
  });

  it("uses the finding fingerprint as the partial fingerprint", () => {
    const results = toSarif(mixedResult(), { toolVersion: "1.2.3", rules }).runs[0]!.results!;
    expect(results.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(
      mixedResult()
        .findings.filter((finding) => finding.level !== "celebratory")
        .map((finding) => finding.fingerprint),
    );
  });
});
