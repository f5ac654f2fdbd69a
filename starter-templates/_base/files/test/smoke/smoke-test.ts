/**
 * `npm run smoke [-- http://127.0.0.1:3000]`: a few requests against a RUNNING server (the container from
 * `docker compose up`, or `npm start`), to prove a deployment works. It exits 1 and names every failed check.
 * Not a vitest file: test/smoke/smoke-test.test.ts runs it against an in-process server.
 */
import { isMainModule } from "../../src/is-main-module.js";

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

type Fetch = typeof fetch;

async function check(name: string, run: () => Promise<string | undefined>): Promise<SmokeCheck> {
  try {
    const problem = await run();
    return { name, ok: problem === undefined, detail: problem ?? "ok" };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every check against `baseUrl`, each with a timeout, and returns them all (failed or not). */
export async function runSmokeTest(baseUrl: string, fetchImpl: Fetch = fetch, timeoutMs = 5_000): Promise<SmokeCheck[]> {
  const get = (path: string) => fetchImpl(new URL(path, baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
  return Promise.all([
    check("GET /health/live answers 200", async () => {
      const response = await get("/health/live");
      return response.status === 200 ? undefined : `status ${response.status}`;
    }),
    check("GET /health/ready answers 200 (the database answers)", async () => {
      const response = await get("/health/ready");
      return response.status === 200 ? undefined : `status ${response.status}: ${await response.text()}`;
    }),
    check("an unknown route answers 404 in the JSON error shape", async () => {
      const response = await get("/no-such-route");
      const body = (await response.json()) as { error?: { code?: unknown } };
      return response.status === 404 && typeof body.error?.code === "string" ? undefined : `status ${response.status}`;
    }),
    check("security headers are set and X-Powered-By is not", async () => {
      const response = await get("/health/live");
      if (response.headers.get("x-content-type-options") !== "nosniff") return "no X-Content-Type-Options: nosniff";
      return response.headers.has("x-powered-by") ? "X-Powered-By is sent" : undefined;
    }),
  ]);
}

if (isMainModule(import.meta.url)) {
  const baseUrl = process.argv[2] ?? process.env.SMOKE_URL ?? "http://127.0.0.1:3000";
  const checks = await runSmokeTest(baseUrl);
  for (const result of checks) console.log(`${result.ok ? "ok  " : "FAIL"} ${result.name}: ${result.detail}`);
  process.exitCode = checks.every((result) => result.ok) ? 0 : 1;
}
