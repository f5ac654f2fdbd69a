import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRefreshToken } from "../../src/auth/refresh-token.js";
import { consumeRefreshToken, insertRefreshToken, revokeRefreshToken } from "../../src/auth/refresh-token-repository.js";
import { insertUser } from "../../src/users/user-repository.js";
import type { Db } from "../../src/db/db.js";
import { createTestDb } from "../helpers/test-db.js";

const inOneHour = () => new Date(Date.now() + 3_600_000);

describe("refresh token repository", () => {
  let db: Db;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDb();
    const user = await insertUser(db, "ada@example.com", "hash");
    userId = user?.id ?? "";
  });

  afterAll(async () => {
    await db.close();
  });

  it("consumes a valid token once and returns its user", async () => {
    await insertRefreshToken(db, userId, hashRefreshToken("token-1"), inOneHour());
    expect(await consumeRefreshToken(db, hashRefreshToken("token-1"))).toBe(userId);
    expect(await consumeRefreshToken(db, hashRefreshToken("token-1"))).toBeUndefined();
  });

  it("does not accept expired, revoked or unknown tokens", async () => {
    await insertRefreshToken(db, userId, hashRefreshToken("expired"), new Date(Date.now() - 1000));
    await insertRefreshToken(db, userId, hashRefreshToken("revoked"), inOneHour());
    await revokeRefreshToken(db, hashRefreshToken("revoked"));

    expect(await consumeRefreshToken(db, hashRefreshToken("expired"))).toBeUndefined();
    expect(await consumeRefreshToken(db, hashRefreshToken("revoked"))).toBeUndefined();
    expect(await consumeRefreshToken(db, hashRefreshToken("unknown"))).toBeUndefined();
  });

  it("lets only one of two concurrent requests use the same token", async () => {
    await insertRefreshToken(db, userId, hashRefreshToken("raced"), inOneHour());
    const results = await Promise.all([
      consumeRefreshToken(db, hashRefreshToken("raced")),
      consumeRefreshToken(db, hashRefreshToken("raced")),
    ]);
    expect(results.filter((result) => result === userId)).toHaveLength(1);
  });
});
