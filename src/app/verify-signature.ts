import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * True when `signature` (`x-hub-signature-256`) is the HMAC-SHA256 of `body` with `secret`. Written here
 * rather than through `webhooks.verifyAndReceive`, which hands a rejected event (payload included) to
 * the error handlers that log it: a rejected payload is never logged.
 */
export function verifySignature(secret: string, body: Buffer, signature: string | undefined): boolean {
  if (!signature?.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
