import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRefreshToken } from "../../src/auth/refresh-token.js";
import { consumeRefreshToken, insertRefreshToken, revokeRefreshToken } from "../../src/auth/refresh-token-repository.js";
import { insertUser } from "../../src/users/user-repository.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const inOneHour = () => new Date(Date.now() + 3_600_000);

describe("refresh token repository", () => {
  let testDb: TestDb;
  let userId: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    const user = await insertUser(testDb.db, "ada@example.com", "hash");
    userId = user?.id ?? "";
  });

  afterAll(async () => {
    await testDb.dispose();
  });

  it("consumes a valid token once and returns its user", async () => {
    await insertRefreshToken(testDb.db, userId, hashRefreshToken("token-1"), inOneHour());
    expect(await consumeRefreshToken(testDb.db, hashRefreshToken("token-1"))).toBe(userId);
    expect(await consumeRefreshToken(testDb.db, hashRefreshToken("token-1"))).toBeUndefined();
  });

  it("does not accept expired, revoked or unknown tokens", async () => {
    await insertRefreshToken(testDb.db, userId, hashRefreshToken("expired"), new Date(Date.now() - 1000));
    await insertRefreshToken(testDb.db, userId, hashRefreshToken("revoked"), inOneHour());
    await revokeRefreshToken(testDb.db, hashRefreshToken("revoked"));

    expect(await consumeRefreshToken(testDb.db, hashRefreshToken("expired"))).toBeUndefined();
    expect(await consumeRefreshToken(testDb.db, hashRefreshToken("revoked"))).toBeUndefined();
    expect(await consumeRefreshToken(testDb.db, hashRefreshToken("unknown"))).toBeUndefined();
  });

  it("lets only one of two concurrent requests use the same token", async () => {
    await insertRefreshToken(testDb.db, userId, hashRefreshToken("raced"), inOneHour());
    const results = await Promise.all([
      consumeRefreshToken(testDb.db, hashRefreshToken("raced")),
      consumeRefreshToken(testDb.db, hashRefreshToken("raced")),
    ]);
    expect(results.filter((result) => result === userId)).toHaveLength(1);
  });
});
