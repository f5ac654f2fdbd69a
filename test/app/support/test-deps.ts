/**
 * The App's dependencies for tests: the real engine, config parser, rubric parser and finding-comment
 * renderer, with the engine tests' small checks (debugger, ==, TODO) as the registry, so findings
 * come from real linting of the fake pull request's files.
 */
import type { AppDeps } from "../../../src/app/app-deps.js";
import type { CheckAnnotation } from "../../../src/github/publish-check-run.js";
import { fingerprintMarker, parseFingerprintMarker, renderFindingComment } from "../../../src/report/render-finding-comment.js";
import { review } from "../../../src/review/review.js";
import { parseRepoConfig } from "../../../src/review/parse-repo-config.js";
import type { ReviewResult } from "../../../src/review/types.js";
import { parseRubric } from "../../../src/rubric/load-rubric.js";
import { testRegistry, testRubric } from "../../review/test-checks.js";

export const SUMMARY_MARKER = "<!-- apprentice:summary -->";

function annotations(result: ReviewResult): CheckAnnotation[] {
  return result.findings.map((finding) => ({
    path: finding.path,
    start_line: finding.line,
    end_line: finding.endLine ?? finding.line,
    annotation_level: finding.level === "essential" ? "failure" : finding.level === "celebratory" ? "notice" : "warning",
    message: finding.message,
    title: finding.ruleId,
  }));
}

export function testDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    review: (input) => review(input, { registry: testRegistry }),
    parseRepoConfig,
    builtinRubricIds: () => ["junior-backend"],
    loadBuiltinRubric: () => testRubric(),
    parseRubric: (text, file) => parseRubric(text, file, testRegistry),
    renderFindingComment,
    fingerprintMarker,
    parseFingerprintMarker,
    toCheckRunOutput: (result) => ({ title: `${result.findings.length} findings`, summary: `Conclusion: ${result.conclusion}. Skipped: ${result.skipped.map((file) => file.path).join(", ")}` }),
    toAnnotations: annotations,
    renderSummaryMarkdown: (result, options) =>
      `${options?.marker ?? SUMMARY_MARKER}\n## Apprentice review of ${options?.headSha ?? "?"}\n\n${result.criteria.map((criterion) => `- ${criterion.title}: ${criterion.score}/${criterion.max}`).join("\n")}`,
    summaryMarker: SUMMARY_MARKER,
    checkIds: () => [...testRegistry.keys()],
    readLesson: (id) => (id === "eq-test" ? "# Use ===\n\nCompare with === so no type conversion surprises you." : undefined),
    ...overrides,
  };
}
