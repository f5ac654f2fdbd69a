import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rebuildSummaries } from "../../src/storage/history-summaries.js";
import { migrate } from "../../src/storage/migrate.js";
import { MIGRATIONS } from "../../src/storage/migrations.js";
import { pgliteClient } from "../../src/storage/pglite-client.js";
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
    findings: rules.map((ruleId, i) => ({
      ruleId,
      criterion: "security",
      level: "essential",
      fingerprint: `fp${i}`,
      path: "src/a.ts",
      line: i + 1,
    })),
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
  beforeEach(async () => db.exec("TRUNCATE reviews, learners, learner_themes, check_days CASCADE"));
  afterAll(async () => drop());

  it("migrates once: a second run applies nothing", async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>("SELECT version FROM apprentice_migrations");
    expect(rows.map((r) => r.version).sort()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("records reviews and returns the last ones newest first, with each check once at its most urgent level", async () => {
    await store.record(record(1, ["no-sql-injection", "no-sql-injection", "no-console-log"]));
    await store.record(
      record(2, ["no-console-log"], {
        findings: [
          {
            ruleId: "no-console-log",
            criterion: "clean-code",
            level: "informative",
            fingerprint: "x",
            path: "a",
            line: 1,
          },
          {
            ruleId: "no-console-log",
            criterion: "clean-code",
            level: "actionable",
            fingerprint: "y",
            path: "a",
            line: 2,
          },
        ],
      }),
    );
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
    const recent = await store.recentReviews(
      { installationId: 1, authorId: 42 },
      { limit: 10, exclude: { repository: "octo/api", pullNumber: 12 } },
    );
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
    expect(points.map((p) => [p.pullNumber, p.criteria[0]?.score])).toEqual([
      [1, 1],
      [2, 2],
    ]);
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
    await store.record(
      record(0, ["a-rule"], {
        installationId: 0,
        repository: "/tmp/repo",
        headSha: "c1",
        source: "local",
        committedAt: new Date(),
      }),
    );
    expect(await store.hasLocalReview("/tmp/repo", "c1")).toBe(true);
    expect(await store.hasLocalReview("/tmp/repo", "c2")).toBe(false);
  });

  /** Every summary table's rows, sorted, for comparing the kept summaries with a rebuild from the reviews. */
  async function summaries(): Promise<string[]> {
    const tables = {
      review_checks: "review_id, rule_id, rank, findings",
      learner_themes: "installation_id, author_id, rule_id, pulls, rank, first_review_id",
      learners: "installation_id, author_id, author_login, pulls, latest_review_id, last_at, recurring",
      check_days: "installation_id, day, rule_id, pulls",
    };
    const out: string[] = [];
    for (const [table, columns] of Object.entries(tables)) {
      const rows = await db.query(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`);
      out.push(...rows.map((row) => `${table} ${JSON.stringify(row)}`));
    }
    return out;
  }

  it("keeps the summaries in step with the reviews through new heads, re-records, forget-me, pruning and uninstalling", async () => {
    for (let n = 1; n <= 13; n++)
      await store.record(
        record(n, n % 3 === 0 ? ["a-rule", "b-rule"] : ["a-rule"], { reviewedAt: new Date(Date.UTC(2026, 10, n)) }),
      );
    await store.record(record(2, ["c-rule"], { headSha: "sha2b", reviewedAt: new Date(Date.UTC(2026, 10, 14)) }));
    await store.record(record(3, ["c-rule", "a-rule"]));
    await store.record(
      record(20, ["b-rule"], {
        repository: "octo/web",
        author: { login: "bob", id: 7 },
        reviewedAt: new Date(Date.UTC(2026, 10, 2)),
      }),
    );
    await store.record(
      record(21, ["b-rule"], {
        repository: "octo/web",
        author: { login: "bob", id: 7 },
        reviewedAt: new Date(Date.UTC(2026, 10, 2)),
      }),
    );
    await store.record(record(30, ["a-rule"], { installationId: 2, author: { login: "cy", id: 8 } }));
    await store.record(
      record(0, ["a-rule"], {
        installationId: 0,
        repository: "/tmp/repo",
        headSha: "c1",
        source: "local",
        author: { login: "me", id: 0 },
      }),
    );
    const kept = async () => {
      const now = await summaries();
      await rebuildSummaries(db);
      expect(now).toEqual(await summaries());
      return now;
    };
    await kept();
    const bob = await db.query<{ pulls: number; recurring: number }>(
      "SELECT pulls, recurring FROM learners WHERE installation_id = 1 AND author_id = 7",
    );
    expect(bob.map((row) => [Number(row.pulls), Number(row.recurring)])).toEqual([[2, 1]]);
    expect(
      await store.prune(20, { installationId: 1, repository: "octo/api" }, new Date(Date.UTC(2026, 10, 25))),
    ).toBeGreaterThan(0);
    await kept();
    expect(await store.forgetLearner(1, 7)).toBe(2);
    await kept();
    expect(await store.deleteInstallation(2)).toBe(1);
    const last = await kept();
    expect(last.some((row) => row.startsWith("check_days") && row.includes('"a-rule"'))).toBe(true);
    expect(last.some((row) => row.includes('"cy"'))).toBe(false);
  });

  it("counts each check once per pull request, its newest review only, in the learner's summary", async () => {
    await store.record(record(1, ["a-rule", "a-rule"]));
    await store.record(record(2, ["a-rule"]));
    await store.record(record(2, ["b-rule"], { headSha: "sha2b" }));
    const themes = await db.query<{ rule_id: string; pulls: number }>(
      "SELECT rule_id, pulls FROM learner_themes WHERE author_id = 42 ORDER BY rule_id",
    );
    expect(themes.map((row) => [row.rule_id, Number(row.pulls)])).toEqual([
      ["a-rule", 1],
      ["b-rule", 1],
    ]);
    const [learner] = await db.query<{ pulls: number; recurring: number }>(
      "SELECT pulls, recurring FROM learners WHERE author_id = 42",
    );
    expect([Number(learner?.pulls), Number(learner?.recurring)]).toEqual([2, 0]);
  });
});

describe("migration 2 on a history written before it", () => {
  it("backfills the summaries from the existing reviews and findings", async () => {
    const db = await pgliteClient();
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version === 1),
      );
      await db.exec(`INSERT INTO reviews (id, installation_id, repository, pull_number, head_sha, author_login, author_id, rubric_id, rubric_hash, reviewed_at, conclusion, source)
        VALUES (1, 5, 'o/r', 1, 'a', 'ada', 42, 'r', 'h', '2026-11-01T10:00:00Z', 'neutral', 'app'), (2, 5, 'o/r', 2, 'b', 'Ada', 42, 'r', 'h', '2026-11-02T10:00:00Z', 'neutral', 'app');
        INSERT INTO findings (review_id, rule_id, criterion, level, fingerprint, path, line)
        VALUES (1, 'x', 'security', 'actionable', 'f1', 'a', 1), (1, 'x', 'security', 'essential', 'f2', 'a', 2), (2, 'x', 'security', 'informative', 'f3', 'a', 1), (2, 'y', 'tests', 'celebratory', 'f4', 'a', 1);`);
      expect(await migrate(db)).toEqual([2]);
      expect(await db.query("SELECT review_id, rule_id, rank, findings FROM review_checks ORDER BY 1, 2")).toEqual([
        { review_id: 1, rule_id: "x", rank: 0, findings: 2 },
        { review_id: 2, rule_id: "x", rank: 2, findings: 1 },
      ]);
      expect(await db.query("SELECT author_login, pulls, latest_review_id, recurring FROM learners")).toEqual([
        { author_login: "Ada", pulls: 2, latest_review_id: 2, recurring: 1 },
      ]);
      expect(await db.query("SELECT rule_id, pulls, rank, first_review_id FROM learner_themes")).toEqual([
        { rule_id: "x", pulls: 2, rank: 0, first_review_id: 1 },
      ]);
      expect(
        (await db.query<{ day: unknown; pulls: number }>("SELECT day, pulls FROM check_days ORDER BY day")).map(
          (row) => row.pulls,
        ),
      ).toEqual([1, 1]);
    } finally {
      await db.close();
    }
  });
});
