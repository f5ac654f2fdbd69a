import type { Queryable } from "../db/db.js";

export async function insertRefreshToken(db: Queryable, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.query("INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)", [
    userId,
    tokenHash,
    expiresAt,
  ]);
}

/**
 * Revokes a refresh token if it is still valid and returns its user id; undefined when it is
 * unknown, expired or already used. One UPDATE does both, so two requests racing with the same
 * token cannot both succeed.
 */
export async function consumeRefreshToken(db: Queryable, tokenHash: string): Promise<string | undefined> {
  const rows = await db.query<{ user_id: string }>(
    `UPDATE refresh_tokens SET revoked_at = now()
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
      RETURNING user_id`,
    [tokenHash],
  );
  return rows[0]?.user_id;
}

/** Revokes a refresh token (logout). Unknown or already revoked tokens are left as they are. */
export async function revokeRefreshToken(db: Queryable, tokenHash: string): Promise<void> {
  await db.query("UPDATE refresh_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL", [tokenHash]);
}
