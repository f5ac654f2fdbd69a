import { describe } from "vitest";
import { hardcodedSecret } from "../../../../src/checks/security/patterns/hardcoded-secret.js";
import { ruleTester } from "../../../helpers/rule-tester.js";

const jose = 'import { SignJWT, jwtVerify, importJWK, EncryptJWT } from "jose";\n';

/** An invalid case reporting `literal` once, suggesting `process.env.JWT_SECRET` in its place. */
function keyCase(code: string, literal: string, error: { line?: number; data?: Record<string, string> } = {}) {
  const output = code.replace(`"${literal}"`, "process.env.JWT_SECRET");
  return { code, errors: [{ messageId: "keyArgument", ...error, suggestions: [{ messageId: "useEnv", output }] }] };
}

describe("hardcoded-secret: jose keys", () => {
  ruleTester.run("hardcoded-secret", hardcodedSecret.rule, {
    valid: [
      // The key comes from configuration.
      {
        code: `${jose}const secret = new TextEncoder().encode(process.env.JWT_SECRET);
export const token = () => new SignJWT({ sub: "1" }).setProtectedHeader({ alg: "HS256" }).sign(secret);`,
      },
      { code: `${jose}export const check = (t) => jwtVerify(t, new TextEncoder().encode(config.jwtSecret));` },
      { code: `${jose}export const check = (t, key) => jwtVerify(t, key);` },
      // A public JWK (no "d", no "k") is meant to be shared.
      {
        code: `${jose}export const load = () => importJWK({ kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0" }, "ES256");`,
      },
      { code: `${jose}export const load = () => importJWK({ kty: "oct", k: process.env.JWK_K }, "HS256");` },
      // A placeholder nobody deploys.
      { code: `${jose}export const check = (t) => jwtVerify(t, new TextEncoder().encode("changeme"));` },
      // Not a jose builder: a method called sign on something else.
      { code: `export const s = (doc) => new Signer(doc).sign(new TextEncoder().encode("hello world"));` },
      // Test files sign with fixed keys on purpose.
      {
        code: `${jose}const key = new TextEncoder().encode("test-key-1234");
export const t = () => new SignJWT({}).sign(key);`,
        filename: "test/auth.test.ts",
      },
    ],
    invalid: [
      keyCase(
        `${jose}export const token = () => new SignJWT({ sub: "1" }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("s3cr3t-signing-key"));`,
        "s3cr3t-signing-key",
        { data: { call: "new SignJWT(...).sign", env: "JWT_SECRET", preview: "s3cr…" } },
      ),
      // One key shared by sign and verify is one finding, on the line where it is written.
      keyCase(
        `${jose}const key = new TextEncoder().encode("my-app-signing-key");
export const sign = (p) => new SignJWT(p).setProtectedHeader({ alg: "HS256" }).setExpirationTime("2h").sign(key);
export const verify = (t) => jwtVerify(t, key);`,
        "my-app-signing-key",
        { line: 2 },
      ),
      keyCase(
        `${jose}export const verify = (t) => jwtVerify(t, Buffer.from("bXktYXBwLXNpZ25pbmcta2V5", "base64"));`,
        "bXktYXBwLXNpZ25pbmcta2V5",
        { data: { call: "jwtVerify", env: "JWT_SECRET", preview: "bXkt…" } },
      ),
      // A fallback for a missing variable is the key production ends up with.
      keyCase(
        `${jose}const key = new TextEncoder().encode(process.env.JWT_SECRET || "dev-signing-key");
export const verify = (t) => jwtVerify(t, key);`,
        "dev-signing-key",
      ),
      keyCase(
        `${jose}export const seal = (p) => new EncryptJWT(p).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).encrypt(new TextEncoder().encode("0123456789abcdef0123456789abcdef"));`,
        "0123456789abcdef0123456789abcdef",
        { data: { call: "new EncryptJWT(...).encrypt", env: "JWT_SECRET", preview: "0123…" } },
      ),
      // A JWK with its private ("d") or symmetric ("k") part written in the code: no one-line fix to suggest.
      {
        code: `${jose}export const load = () => importJWK({ kty: "oct", k: "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow" }, "HS256");`,
        errors: [{ messageId: "keyArgument", data: { call: "importJWK", env: "JWT_SECRET", preview: "AyM1…" } }],
      },
      {
        code: `${jose}const jwk = { kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", d: "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI" };
export const load = () => importJWK(jwk, "ES256");`,
        errors: [{ messageId: "keyArgument", line: 2 }],
      },
      // The older jose API (v1/v2): JWK.asKey of a literal, then JWT.sign / JWT.verify.
      keyCase(
        `const { JWK, JWT } = require("jose");
const key = JWK.asKey("older-api-signing-key");
module.exports = (payload) => JWT.sign(payload, key, { expiresIn: "2 hours" });`,
        "older-api-signing-key",
        { line: 2, data: { call: "JWK.asKey", env: "JWT_SECRET", preview: "olde…" } },
      ),
      // A literal bound to a secret-named const is the name check's finding: one finding, not two.
      {
        code: `${jose}const JWT_SECRET = "team-signing-key-2024";
const key = new TextEncoder().encode(JWT_SECRET);
export const verify = (t) => jwtVerify(t, key);`,
        errors: [{ messageId: "namedSecret", line: 2, suggestions: 1 }],
      },
      // The older API's JWT.sign / JWT.verify with the literal itself.
      keyCase(
        `const { JWT } = require("jose");
module.exports = (payload) => JWT.sign(payload, "older-literal-key", { expiresIn: "2 hours" });`,
        "older-literal-key",
        { data: { call: "JWT.sign", env: "JWT_SECRET", preview: "olde…" } },
      ),
      {
        code: `const { JWK, JWT } = require("jose");
module.exports = (token) => JWT.verify(token, JWK.asKey({ kty: "oct", k: "c2VjcmV0LXNpZ25pbmcta2V5LWZvci1hcHA" }));`,
        errors: [{ messageId: "keyArgument", data: { call: "JWK.asKey", env: "JWT_SECRET", preview: "c2Vj…" } }],
      },
    ],
  });
});
