/**
 * The real server in a child process, the way `npm run dev` starts it (tsx) on an embedded database of its
 * own: it passes the smoke test, and on SIGTERM a request still in flight completes with 200 while new
 * connections are refused, then the process exits 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";
import { runSmokeTest } from "../smoke/smoke-test.js";

const ROOT = new URL("../../", import.meta.url);
const START_TIMEOUT_MS = 90_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${output()}`);
    const status = await fetch(`${url}/health/ready`).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

describe("the server process", () => {
  let child: ChildProcess;
  let dataDir: string;
  let port: number;
  let url: string;
  let output = "";
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dataDir = freshPgliteDataDir("server-process-");
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Only what the server needs: no DATABASE_URL, so it never touches a shared database.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      PORT: String(port),
      LOG_LEVEL: "info",
      PGLITE_DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(48).toString("base64url"),
      SHUTDOWN_TIMEOUT_MS: "20000",
    };
    child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitUntilReady(url, child, () => output);
  }, START_TIMEOUT_MS + 10_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  it("passes the smoke test", async () => {
    const checks = await runSmokeTest(url);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  it("on SIGTERM lets the request in flight finish with 200, refuses new connections, and exits 0", async () => {
    // A request whose body is still arriving: the server has begun it and cannot answer before the last byte.
    const socket = connect(port, "127.0.0.1");
    let response = "";
    socket.on("data", (chunk: Buffer) => (response += chunk.toString("utf8")));
    const answered = new Promise<void>((resolve) => socket.once("end", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{");
    await new Promise((resolve) => setTimeout(resolve, 300));

    child.kill("SIGTERM");
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/Shutting down/);
    await expect(fetch(`${url}/health/live`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    socket.write("}");
    await answered;
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain('{"status":"ok"}');
    await expect(exited).resolves.toBe(0);
    expect(output).toMatch(/Shutdown complete/);
  }, 60_000);
});
