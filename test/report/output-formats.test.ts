import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/registry.js";
import {
  isOutputFormat,
  OUTPUT_FORMAT_DESCRIPTIONS,
  OUTPUT_FORMATS,
  renderReport,
} from "../../src/report/output-formats.js";
import { renderSummaryMarkdown } from "../../src/report/render-markdown.js";
import { renderText } from "../../src/report/render-text.js";
import { sarifRulesFromChecks } from "../../src/report/sarif-rules.js";
import { lessonUrl } from "../../src/contract/lesson-url.js";
import { toCheckRunOutput } from "../../src/report/check-run-output.js";
import { renderFindingComment } from "../../src/report/render-finding-comment.js";
import { makeResult, mixedResult } from "./fixtures.js";

describe("renderReport", () => {
  it("renders text, with colour only when asked", () => {
    expect(renderReport("text", mixedResult())).toBe(renderText(mixedResult(), { color: false }));
    expect(renderReport("text", mixedResult(), { color: true })).toBe(renderText(mixedResult(), { color: true }));
  });

  it("renders the summary Markdown", () => {
    expect(renderReport("markdown", mixedResult())).toBe(renderSummaryMarkdown(mixedResult()));
  });

  it("renders JSON that parses back to the report, with the given tool version", () => {
    const report = JSON.parse(renderReport("json", mixedResult(), { toolVersion: "9.9.9" })) as {
      version: number;
      tool: { version: string };
      findings: unknown[];
    };
    expect(report.version).toBe(1);
    expect(report.tool.version).toBe("9.9.9");
    expect(report.findings).toHaveLength(4);
  });

  it("renders SARIF with the rules it is given, and a rule for every check that reported without them", () => {
    const bare = JSON.parse(renderReport("sarif", mixedResult())) as {
      runs: { tool: { driver: { rules: { id: string }[] } } }[];
    };
    // praise is not a SARIF result, so its check gets no rule
    expect(bare.runs[0]!.tool.driver.rules.map((rule) => rule.id).sort()).toEqual([
      "no-console-log",
      "prefer-const",
      "sql-query-injection",
    ]);
    const log = JSON.parse(renderReport("sarif", mixedResult(), { sarifRules: sarifRulesFromChecks(allChecks) })) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } } }[];
    };
    expect(log.version).toBe("2.1.0");
    const ruleIds = log.runs[0]!.tool.driver.rules.map((rule) => rule.id);
    expect(ruleIds.slice(0, allChecks.length)).toEqual(allChecks.map((check) => check.id));
    expect(ruleIds).toContain("sql-query-injection");
  });

  it("never tells the learner a fix is 'just' or 'simply' anything, in any format or state", () => {
    const results = [
      mixedResult(),
      makeResult(),
      makeResult({ conclusion: "neutral", partial: true, skipped: [{ path: "a.ts", reason: "content unavailable" }] }),
    ];
    for (const result of results) {
      for (const format of OUTPUT_FORMATS) expect(renderReport(format, result)).not.toMatch(/\b(just|simply)\b/i);
      expect(toCheckRunOutput(result, { maxAnnotations: 1 }).text ?? "").not.toMatch(/\b(just|simply)\b/i);
      for (const finding of result.findings) expect(renderFindingComment(finding)).not.toMatch(/\b(just|simply)\b/i);
    }
  });

  it("ends every format with a newline", () => {
    for (const format of OUTPUT_FORMATS) expect(renderReport(format, mixedResult()).endsWith("\n")).toBe(true);
  });
});

describe("output format registry", () => {
  it("describes every format and recognises only those", () => {
    expect(Object.keys(OUTPUT_FORMAT_DESCRIPTIONS)).toEqual([...OUTPUT_FORMATS]);
    expect(OUTPUT_FORMATS.every(isOutputFormat)).toBe(true);
    expect(isOutputFormat("html")).toBe(false);
  });
});

describe("sarifRulesFromChecks", () => {
  it("describes each check with its lesson link", () => {
    const rules = sarifRulesFromChecks(allChecks);
    expect(rules.map((rule) => rule.id)).toEqual(allChecks.map((check) => check.id));
    for (const rule of rules) expect(rule.lessonUrl).toBe(lessonUrl(rule.id));
    expect(rules.find((rule) => rule.id === "parse-error")).toMatchObject({
      criterion: "clean-code",
      description: expect.stringContaining("does not parse"),
    });
  });
});
