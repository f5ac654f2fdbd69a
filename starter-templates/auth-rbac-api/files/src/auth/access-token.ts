import { errors, jwtVerify, SignJWT } from "jose";
import type { Role } from "../users/user.js";

/** The only algorithm accepted: pinning it stops "alg: none" and algorithm-confusion attacks. */
const ALGORITHM = "HS256";
const AUDIENCE = "api";

export interface AccessTokenSettings {
  secret: Uint8Array;
  issuer: string;
  accessTokenTtlSeconds: number;
}

export interface AccessTokenClaims {
  userId: string;
  role: Role;
}

export type VerifyResult = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: "expired" | "invalid" };

export async function signAccessToken(settings: AccessTokenSettings, claims: AccessTokenClaims): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(settings.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${settings.accessTokenTtlSeconds}s`)
    .sign(settings.secret);
}

function isRole(value: unknown): value is Role {
  return value === "user" || value === "admin";
}

/** Verifies signature, algorithm, issuer, audience and expiry; never throws for a bad token. */
export async function verifyAccessToken(settings: AccessTokenSettings, token: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, settings.secret, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: AUDIENCE,
      requiredClaims: ["sub", "exp"],
    });
    if (payload.sub === undefined || !isRole(payload["role"])) {
      return { ok: false, reason: "invalid" };
    }
    return { ok: true, claims: { userId: payload.sub, role: payload["role"] } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return { ok: false, reason: "expired" };
    }
    if (error instanceof errors.JOSEError) {
      return { ok: false, reason: "invalid" };
    }
    throw error;
  }
}
