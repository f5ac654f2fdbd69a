import { createHash, randomBytes } from "node:crypto";

/** A new refresh token: 256 random bits, URL-safe. Given to the client once, never stored as is. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database stores. A fast hash is enough here (unlike passwords): the token is long and
 * random, so there is nothing to guess.
 */
export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
