import { createHash } from "node:crypto";
import type { Conclusion, ReviewResult } from "../contract/types.js";
import type { Level } from "../contract/levels.js";

/** One completed review, as the history stores it. Plain data. */
export interface ReviewRecord {
  /** 0 for local reviews. */
  installationId: number;
  /** "owner/name" on GitHub; the repository's absolute path for local reviews. */
  repository: string;
  repositoryId?: number;
  /** 0 for local reviews. */
  pullNumber: number;
  pullUrl?: string;
  headSha: string;
  baseSha?: string;
  author: { login: string; id: number };
  rubric: { id: string; hash: string };
  reviewedAt?: Date;
  committedAt?: Date;
  conclusion: Conclusion;
  partial: boolean;
  source: "app" | "local";
  criteria: { criterion: string; title: string; score: number; max: number; level: string }[];
  findings: {
    ruleId: string;
    criterion: string;
    category?: string;
    level: Level;
    fingerprint: string;
    path: string;
    line: number;
  }[];
}

/** sha256 of a rubric's content (any JSON-serialisable value), hex. */
export function rubricHash(rubric: unknown): string {
  return createHash("sha256").update(JSON.stringify(rubric)).digest("hex");
}

/** The criteria and findings of an engine result, in the record's shape. */
export function resultParts(
  result: ReviewResult,
): Pick<ReviewRecord, "conclusion" | "partial" | "criteria" | "findings"> {
  return {
    conclusion: result.conclusion,
    partial: result.partial,
    criteria: result.criteria.map(({ criterion, title, score, max, level }) => ({
      criterion,
      title,
      score,
      max,
      level,
    })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      criterion: f.criterion,
      ...(f.category ? { category: f.category } : {}),
      level: f.level,
      fingerprint: f.fingerprint,
      path: f.path,
      line: f.line,
    })),
  };
}
