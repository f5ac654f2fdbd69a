import { describe, expect, it } from "vitest";
import { runTransaction, type TransactionClient } from "../../src/db/pg-db.js";

/** A stand-in for a pooled connection: records each statement and each release, fails where told to. */
function fakeClient(failOn: ReadonlySet<string>) {
  const statements: string[] = [];
  const releases: (Error | boolean | undefined)[] = [];
  const client = {
    query: async (sql: string) => {
      statements.push(sql);
      if (failOn.has(sql)) throw new Error(`${sql} failed: connection terminated`);
      return { rows: [] };
    },
    release: (error?: Error | boolean) => {
      releases.push(error);
    },
  } as unknown as TransactionClient;
  return { client, statements, releases };
}

describe("runTransaction", () => {
  it("commits and releases the connection to the pool", async () => {
    const { client, statements, releases } = fakeClient(new Set());
    await expect(runTransaction(client, async (tx) => (await tx.query("SELECT 1")).length)).resolves.toBe(0);
    expect(statements).toEqual(["BEGIN", "SELECT 1", "COMMIT"]);
    expect(releases).toEqual([undefined]);
  });

  it("rolls back, releases the connection for reuse and throws the callback's error", async () => {
    const { client, statements, releases } = fakeClient(new Set());
    const cause = new Error("insert violated a constraint");
    await expect(runTransaction(client, async () => Promise.reject(cause))).rejects.toBe(cause);
    expect(statements).toEqual(["BEGIN", "ROLLBACK"]);
    expect(releases).toEqual([undefined]);
  });

  it("keeps the original error when ROLLBACK fails too, and releases the broken connection with the ROLLBACK's error", async () => {
    const { client, statements, releases } = fakeClient(new Set(["ROLLBACK"]));
    const cause = new Error("the query that failed first");
    await expect(runTransaction(client, async () => Promise.reject(cause))).rejects.toBe(cause);
    expect(statements).toEqual(["BEGIN", "ROLLBACK"]);
    expect(releases).toHaveLength(1);
    expect(releases[0]).toBeInstanceOf(Error);
    expect((releases[0] as Error).message).toBe("ROLLBACK failed: connection terminated");
  });

  it("rolls back when COMMIT fails, and throws the COMMIT's error", async () => {
    const { client, statements, releases } = fakeClient(new Set(["COMMIT"]));
    await expect(runTransaction(client, async () => "done")).rejects.toThrow("COMMIT failed");
    expect(statements).toEqual(["BEGIN", "COMMIT", "ROLLBACK"]);
    expect(releases).toEqual([undefined]);
  });
});
