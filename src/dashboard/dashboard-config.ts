import { createHmac } from "node:crypto";

/** What the dashboard needs from the environment; read once when the App starts. */
export interface DashboardConfig {
  clientId: string;
  clientSecret: string;
  /** Where people sign in: https://github.com, or `GHE_PROTOCOL://GHE_HOST`. */
  webBaseUrl: string;
  /** The REST API: https://api.github.com, or `GHE_PROTOCOL://GHE_HOST/api/v3`. */
  apiBaseUrl: string;
  /** Keys that sign the session cookie (the first signs, all verify). */
  sessionKeys: string[];
  /** Where the dashboard is reached from outside (`DASHBOARD_URL`), else taken from each request. */
  publicUrl?: string;
  /** How long a sign-in lasts; what the viewer may see is decided at sign-in. */
  sessionMaxAgeMs: number;
}

export type DashboardEnv = Record<string, string | undefined>;

/**
 * The dashboard's settings, or the reason it cannot run (said on its pages, never a crash): the App's
 * OAuth client id and secret are needed. `DASHBOARD_SESSION_SECRET` signs the cookies; without it a key
 * is derived from the client secret, so rotating that secret signs everyone out.
 */
export function readDashboardConfig(env: DashboardEnv): DashboardConfig | string {
  const clientId = env.GITHUB_CLIENT_ID?.trim();
  const clientSecret = env.GITHUB_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    return "the dashboard needs the GitHub App's OAuth credentials: set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET";
  }
  const host = env.GHE_HOST?.trim();
  const protocol = (env.GHE_PROTOCOL?.trim() || "https").replace(/:$/, "");
  const webBaseUrl = host ? `${protocol}://${host}` : "https://github.com";
  const apiBaseUrl = host ? `${webBaseUrl}/api/v3` : "https://api.github.com";
  const secrets = (env.DASHBOARD_SESSION_SECRET ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  const sessionKeys =
    secrets.length > 0
      ? secrets
      : [createHmac("sha256", clientSecret).update("apprentice dashboard session").digest("hex")];
  const publicUrl = env.DASHBOARD_URL?.trim().replace(/\/+$/, "");
  return {
    clientId,
    clientSecret,
    webBaseUrl,
    apiBaseUrl,
    sessionKeys,
    ...(publicUrl ? { publicUrl } : {}),
    sessionMaxAgeMs: 8 * 3600_000,
  };
}
