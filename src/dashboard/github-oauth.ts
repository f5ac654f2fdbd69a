import type { DashboardConfig } from "./dashboard-config.js";

/** GitHub's OAuth web flow, step 1: where the browser is sent to sign in. */
export function authorizeUrl(config: DashboardConfig, redirectUri: string, state: string): string {
  const url = new URL("/login/oauth/authorize", config.webBaseUrl);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  url.searchParams.set("allow_signup", "false");
  return url.toString();
}

/** Step 2: the code GitHub sent back, exchanged for the user's token (never stored, never logged). */
export async function exchangeCode(config: DashboardConfig, code: string, redirectUri: string): Promise<string> {
  const response = await fetch(new URL("/login/oauth/access_token", config.webBaseUrl), {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({
      client_id: config.clientId,
      client_secret: config.clientSecret,
      code,
      redirect_uri: redirectUri,
    }),
  });
  const answer = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!response.ok || typeof answer.access_token !== "string") {
    const reason = typeof answer.error === "string" ? answer.error : `HTTP ${response.status}`;
    throw new Error(`GitHub refused the sign-in code (${reason})`);
  }
  return answer.access_token;
}
