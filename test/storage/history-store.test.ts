import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../src/storage/migrate.js";
import type { ReviewRecord } from "../../src/storage/review-record.js";
import type { HistoryStore } from "../../src/storage/history-store.js";
import type { SqlClient } from "../../src/storage/sql-client.js";
import { DATABASES, freshDatabase } from "./test-database.js";

function record(pullNumber: number, rules: string[], overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    installationId: 1,
    repository: "octo/api",
    pullNumber,
    pullUrl: `https://github.com/octo/api/pull/${pullNumber}`,
    headSha: `sha${pullNumber}`,
    author: { login: "ada", id: 42 },
    rubric: { id: "junior-backend", hash: "abc" },
    reviewedAt: new Date(Date.UTC(2026, 10, pullNumber)),
    conclusion: "neutral",
    partial: false,
    source: "app",
    criteria: [{ criterion: "tests", title: "Tests", score: pullNumber, max: 10, level: "developing" }],
    findings: rules.map((ruleId, i) => ({ ruleId, criterion: "security", level: "essential", fingerprint: `fp${i}`, path: "src/a.ts", line: i + 1 })),
    ...overrides,
  };
}

describe.each(DATABASES)("history store on %s", (kind) => {
  let db: SqlClient;
  let store: HistoryStore;
  let drop: () => Promise<void>;
  // One database per file (PGlite takes seconds to start); each test starts from empty tables.
  beforeAll(async () => {
    ({ db, store, drop } = await freshDatabase(kind));
  });
  beforeEach(async () => db.exec("TRUNCATE reviews CASCADE"));
  afterAll(async () => drop());

  it("migrates once: a second run applies nothing", async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>("SELECT version FROM apprentice_migrations");
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it("records reviews and returns the last ones newest first, with each check once at its most urgent level", async () => {
    await store.record(record(1, ["no-sql-injection", "no-sql-injection", "no-console-log"]));
    await store.record(record(2, ["no-console-log"], { findings: [{ ruleId: "no-console-log", criterion: "clean-code", level: "informative", fingerprint: "x", path: "a", line: 1 }, { ruleId: "no-console-log", criterion: "clean-code", level: "actionable", fingerprint: "y", path: "a", line: 2 }] }));
    const recent = await store.recentReviews({ installationId: 1, authorId: 42 });
    expect(recent.map((r) => r.pullNumber)).toEqual([2, 1]);
    expect(recent[0]?.rules).toEqual([{ ruleId: "no-console-log", level: "actionable" }]);
    expect(recent[1]?.rules.map((r) => r.ruleId).sort()).toEqual(["no-console-log", "no-sql-injection"]);
    expect(recent[1]?.pullUrl).toBe("https://github.com/octo/api/pull/1");
  });

  it("counts a pull request once: a new head replaces the older review in lookups, a clean review has no rules", async () => {
    await store.record(record(1, ["no-sql-injection"]));
    await store.record(record(1, [], { headSha: "sha1b", reviewedAt: new Date(Date.UTC(2026, 10, 3)) }));
    const recent = await store.recentReviews({ installationId: 1, authorId: 42 });
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ headSha: "sha1b", rules: [] });
  });

  it("re-recording the same head replaces it rather than failing", async () => {
    await store.record(record(1, ["a-rule"]));
    await store.record(record(1, ["b-rule"]));
    const recent = await store.recentReviews({ installationId: 1, authorId: 42 });
    expect(recent.map((r) => r.rules.map((x) => x.ruleId))).toEqual([["b-rule"]]);
  });

  it("leaves out the excluded pull request and honours the limit", async () => {
    for (let n = 1; n <= 12; n++) await store.record(record(n, ["a-rule"]));
    const recent = await store.recentReviews({ installationId: 1, authorId: 42 }, { limit: 10, exclude: { repository: "octo/api", pullNumber: 12 } });
    expect(recent.map((r) => r.pullNumber)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it("keeps learners and installations apart", async () => {
    await store.record(record(1, ["a-rule"]));
    await store.record(record(2, ["a-rule"], { author: { login: "bob", id: 7 } }));
    await store.record(record(3, ["a-rule"], { installationId: 2 }));
    expect((await store.recentReviews({ installationId: 1, authorId: 42 })).map((r) => r.pullNumber)).toEqual([1]);
  });

  it("gives criterion scores oldest first", async () => {
    await store.record(record(2, []));
    await store.record(record(1, []));
    const points = await store.progress({ installationId: 1, authorId: 42 });
    expect(points.map((p) => [p.pullNumber, p.criteria[0]?.score])).toEqual([[1, 1], [2, 2]]);
  });

  it("forgets a learner, deletes an installation, prunes old reviews, with their findings", async () => {
    await store.record(record(1, ["a-rule"]));
    await store.record(record(2, ["a-rule"], { author: { login: "bob", id: 7 } }));
    await store.record(record(3, ["a-rule"], { installationId: 2 }));
    await store.record(record(4, ["a-rule"], { installationId: 3, reviewedAt: new Date(Date.UTC(2026, 0, 1)) }));
    await store.record(record(5, ["a-rule"], { installationId: 3, reviewedAt: new Date(Date.UTC(2026, 10, 30)) }));
    expect(await store.forgetLearner(1, 42)).toBe(1);
    expect(await store.recentReviews({ installationId: 1, authorId: 42 })).toEqual([]);
    expect(await store.recentReviews({ installationId: 1, authorId: 7 })).toHaveLength(1);
    expect(await store.deleteInstallation(2)).toBe(1);
    expect(await store.prune(30, { installationId: 3 }, new Date(Date.UTC(2026, 11, 1)))).toBe(1);
    const left = await db.query<{ n: string | number }>("SELECT count(*) AS n FROM findings");
    expect(Number(left[0]?.n)).toBe(2);
  });

  it("caches local reviews by commit", async () => {
    await store.record(record(0, ["a-rule"], { installationId: 0, repository: "/tmp/repo", headSha: "c1", source: "local", committedAt: new Date() }));
    expect(await store.hasLocalReview("/tmp/repo", "c1")).toBe(true);
    expect(await store.hasLocalReview("/tmp/repo", "c2")).toBe(false);
  });
});
