/**
 * The renderers on what the real engine produces (not hand-built fixtures): a file with findings at
 * three levels, one that does not parse, and a binary file.
 */
import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { toCheckRunOutput } from "../../src/report/check-run-output.js";
import { OUTPUT_FORMATS, renderReport } from "../../src/report/output-formats.js";
import { toAnnotations } from "../../src/report/render-annotations.js";
import { parseFingerprintMarker, renderFindingComment } from "../../src/report/render-finding-comment.js";
import { toJsonReport } from "../../src/report/render-json.js";
import { sarifRulesFromChecks } from "../../src/report/sarif-rules.js";
import { review } from "../../src/review/review.js";
import { changed, testConfig, testRegistry, testRubric } from "../review/test-checks.js";

const code = ["function f(a) {", "  if (a == 1) {", "    debugger;", "  }", "  return a; // TODO", "}", ""].join("\n");

function engineResult() {
  const files = [
    changed("src/f.js", code),
    changed("src/broken.js", "function (\n"),
    { ...changed("img/logo.png", ""), binary: true },
  ];
  return review(
    { files, repoPaths: files.map((file) => file.path), config: testConfig(), rubric: testRubric() },
    { registry: testRegistry },
  );
}

describe("renderers on engine output", () => {
  it("render every format without losing a finding", () => {
    const result = engineResult();
    expect(result.findings.length).toBeGreaterThanOrEqual(3);
    const json = toJsonReport(result);
    expect(json.findings.map((finding) => finding.fingerprint).sort()).toEqual(
      result.findings.map((finding) => finding.fingerprint).sort(),
    );
    const text = renderReport("text", result);
    for (const finding of result.findings) expect(text).toContain(`${finding.path}:${finding.line}`);
    expect(text).toContain("img/logo.png");
    for (const format of OUTPUT_FORMATS) expect(renderReport(format, result).length).toBeGreaterThan(0);
  });

  it("produce schema-valid SARIF", () => {
    const schema = JSON.parse(
      readFileSync(new URL("../schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
    ) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, unicodeRegExp: false });
    ajvFormats.default(ajv);
    const rules = sarifRulesFromChecks([...testRegistry.values()]);
    const log = JSON.parse(renderReport("sarif", engineResult(), { sarifRules: rules })) as unknown;
    expect(ajv.validate(schema, log) ? [] : ajv.errors).toEqual([]);
  });

  it("give each finding a comment the App can find again, and an annotation", () => {
    const result = engineResult();
    for (const finding of result.findings)
      expect(parseFingerprintMarker(renderFindingComment(finding))).toBe(finding.fingerprint);
    expect(toAnnotations(result)).toHaveLength(result.findings.length);
    expect(toCheckRunOutput(result).title).toMatch(/^Changes needed: /);
  });
});
