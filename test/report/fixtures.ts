/** Small builders for hand-made ReviewResults, so each renderer test states only what it is about. */
import type { Conclusion, CriterionResult, Finding, ReviewResult, SkippedFile } from "../../src/contract/types.js";

const CRITERIA = [
  { criterion: "tests", title: "Tests" },
  { criterion: "security", title: "Security" },
  { criterion: "clean-code", title: "Clean code" },
] as const;

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  const ruleId = overrides.ruleId ?? "no-console-log";
  const path = overrides.path ?? "src/app.ts";
  const line = overrides.line ?? 3;
  return {
    ruleId,
    criterion: "clean-code",
    level: "actionable",
    message: "Remove this console.log before merging. Debug output in a server clutters the logs your team relies on.",
    path,
    line,
    fingerprint: `${ruleId}-${path.replace(/[^a-z0-9]/gi, "-")}-${line}`,
    lesson: `https://lessons.example/${ruleId}.md`,
    ...overrides,
  };
}

export interface ResultOptions {
  findings?: Finding[];
  /** Score per criterion id, out of 10; default 10. */
  scores?: Record<string, number>;
  skipped?: SkippedFile[];
  conclusion?: Conclusion;
  /** Default: true when a file was skipped because its content was unavailable. */
  partial?: boolean;
  filesReviewed?: number;
}

function levelName(score: number): string {
  if (score >= 9) return "exemplary";
  if (score >= 7) return "proficient";
  if (score >= 4) return "developing";
  return "beginning";
}

/** A result on the three default criteria; findings are shared out to their criteria. */
export function makeResult(options: ResultOptions = {}): ReviewResult {
  const findings = options.findings ?? [];
  const skipped = options.skipped ?? [];
  const criteria: CriterionResult[] = CRITERIA.map(({ criterion, title }) => {
    const score = options.scores?.[criterion] ?? 10;
    return {
      criterion,
      title,
      score,
      max: 10,
      level: levelName(score),
      findings: findings.filter((finding) => finding.criterion === criterion),
    };
  });
  return {
    rubric: { id: "junior-backend", title: "Junior backend developer" },
    criteria,
    findings,
    conclusion:
      options.conclusion ?? (findings.some((finding) => finding.level === "essential") ? "failure" : "success"),
    skipped,
    partial: options.partial ?? skipped.some((file) => file.reason.startsWith("content unavailable")),
    stats: { filesReviewed: options.filesReviewed ?? 3, filesSkipped: skipped.length, durationMs: 42 },
  };
}

/** A realistic mix: an SQL injection, a console.log, a note, and praise for a test. */
export function mixedResult(): ReviewResult {
  return makeResult({
    findings: [
      makeFinding({
        ruleId: "sql-query-injection",
        criterion: "security",
        level: "essential",
        category: "sql-injection",
        path: "src/routes/users.ts",
        line: 14,
        endLine: 14,
        column: 5,
        message:
          "Pass `id` to the query as a parameter ($1) instead of building the SQL string. Text built from a request can change what the query does.",
        trace: "req.query.id -> id -> SQL template",
        suggestion: '  const result = await db.query("SELECT * FROM users WHERE id = $1", [id]);',
      }),
      makeFinding({ path: "src/app.ts", line: 8 }),
      makeFinding({
        ruleId: "prefer-const",
        level: "informative",
        path: "src/app.ts",
        line: 2,
        message: "Use const here: the value never changes, and const tells the reader so.",
      }),
      makeFinding({
        ruleId: "test-asserts-response",
        criterion: "tests",
        level: "celebratory",
        path: "test/users.test.ts",
        line: 10,
        message: "Your test checks the response body, not only the status code. That catches real regressions.",
      }),
    ],
    scores: { tests: 10, security: 5, "clean-code": 9 },
    skipped: [{ path: "package-lock.json", reason: "generated (lock file)" }],
    filesReviewed: 4,
  });
}
