import { randomBytes } from "node:crypto";
import type { SmokeEndpoint } from "./smoke-test.js";

/**
 * The smoke test's real endpoints (add your own). Logging out a refresh token that was never issued looks
 * it up in the refresh_tokens table (so it fails when the migrations did not run) and changes nothing, whatever the data.
 */
export const smokeEndpoints: SmokeEndpoint[] = [
  {
    name: "POST /auth/logout with an unknown refresh token answers 204 (the migrations ran)",
    async run(send) {
      const response = await send("/auth/logout", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refreshToken: randomBytes(32).toString("base64url") }),
      });
      return response.status === 204 ? undefined : `status ${response.status}: ${await response.text()}`;
    },
  },
];
