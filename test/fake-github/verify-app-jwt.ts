import { createVerify, type KeyObject } from "node:crypto";

/** Checks a GitHub App JWT the way GitHub does: RS256 signature by the App's key, `iss` = App id, not expired. */
export function verifyAppJwt(token: string, publicKey: KeyObject, appId: number): string | undefined {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return "the app JWT is malformed";
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  if (!verifier.verify(publicKey, Buffer.from(signature, "base64url")))
    return "the app JWT signature does not match the App's public key";
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: number };
  if (String(claims.iss) !== String(appId)) return `the app JWT's iss is ${String(claims.iss)}, expected ${appId}`;
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return "the app JWT has expired";
  return undefined;
}
