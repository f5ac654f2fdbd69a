/**
 * `npm run smoke [-- http://127.0.0.1:PORT]` (PORT: the project's port by default): a few requests against a RUNNING server (the container from
 * `docker compose up`, or `npm start`), to prove a deployment works: the process answers, the database
 * answers, the JSON error shape is there, and the real endpoints in test/smoke/smoke-endpoint.ts work.
 * It prints one line per check and exits 1 when any failed. Not a vitest file: test/smoke/smoke-test.test.ts
 * runs it against stand-in servers, and test/http/server-process.test.ts against the real server.
 */
import { isMainModule } from "../../src/is-main-module.js";
import { DEFAULT_PORT } from "../../src/project-defaults.js";
import { smokeEndpoints } from "./smoke-endpoint.js";

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Sends one request to the server under test (a path relative to its base URL), with the smoke test's timeout. */
export type SmokeRequest = (path: string, init?: RequestInit) => Promise<Response>;

/** A check of a real endpoint: resolves to undefined when it passed, else to what was wrong. */
export interface SmokeEndpoint {
  name: string;
  run: (send: SmokeRequest) => Promise<string | undefined>;
}

async function check(name: string, run: () => Promise<string | undefined>): Promise<SmokeCheck> {
  try {
    const problem = await run();
    return { name, ok: problem === undefined, detail: problem ?? "ok" };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every check against `baseUrl`, each request with a timeout, and returns them all (failed or not). */
export async function runSmokeTest(
  baseUrl: string,
  { endpoints = smokeEndpoints, timeoutMs = 5_000 }: { endpoints?: readonly SmokeEndpoint[]; timeoutMs?: number } = {},
): Promise<SmokeCheck[]> {
  const send: SmokeRequest = (path, init = {}) =>
    fetch(new URL(path, baseUrl), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return Promise.all([
    check("GET /health/live answers 200", async () => {
      const response = await send("/health/live");
      return response.status === 200 ? undefined : `status ${response.status}`;
    }),
    check("GET /health/ready answers 200 (the database answers)", async () => {
      const response = await send("/health/ready");
      return response.status === 200 ? undefined : `status ${response.status}: ${await response.text()}`;
    }),
    check("an unknown route answers 404 in the JSON error shape", async () => {
      const response = await send("/no-such-route");
      const body = (await response.json()) as { error?: { code?: unknown } };
      return response.status === 404 && typeof body.error?.code === "string" ? undefined : `status ${response.status}`;
    }),
    ...endpoints.map((endpoint) => check(endpoint.name, () => endpoint.run(send))),
  ]);
}

if (isMainModule(import.meta.url)) {
  const baseUrl = process.argv[2] ?? process.env.SMOKE_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`;
  const checks = await runSmokeTest(baseUrl);
  for (const result of checks) console.log(`${result.ok ? "ok  " : "FAIL"} ${result.name}: ${result.detail}`);
  process.exitCode = checks.every((result) => result.ok) ? 0 : 1;
}
