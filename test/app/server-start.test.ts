/**
 * `npm start` as a user runs it: a real process, the environment a user sets (credentials, no LOG_LEVEL),
 * no Redis (the in-process queue) and the embedded history in a fresh data folder. Probot's logger
 * defaults to "warn", which used to hide "apprentice: listening" and every other line, so a started
 * server printed nothing and looked hung.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withLogDefaults } from "../../src/app/start-process.js";
import { spawnApprentice, type AppProcess } from "../queue/app-processes.js";

const dataDir = mkdtempSync(join(tmpdir(), "apprentice-start-"));
let server: AppProcess | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  if (server) await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the App's process starts and says so", () => {
  it("logs at info unless LOG_LEVEL says otherwise", () => {
    expect(withLogDefaults({}).LOG_LEVEL).toBe("info");
    expect(withLogDefaults({ LOG_LEVEL: " " } as unknown as NodeJS.ProcessEnv).LOG_LEVEL).toBe("info");
    expect(withLogDefaults({ LOG_LEVEL: "warn" }).LOG_LEVEL).toBe("warn");
  });

  it("without LOG_LEVEL it prints where it listens, answers /healthz and stops on SIGTERM", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    server = await spawnApprentice("npm start", "src/app/server.ts", {
      PATH: process.env.PATH,
      APP_ID: "4242",
      PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      WEBHOOK_SECRET: "start-test-secret",
      LOG_FORMAT: "json",
      APPRENTICE_DATA_DIR: dataDir,
      PORT: "0",
    });
    const listening = server.logs.find((log) => log.msg === "apprentice: listening");
    expect(listening).toMatchObject({ queue: "memory", role: "app", host: "127.0.0.1" });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as Record<string, unknown>;
    expect(ready).toMatchObject({ ready: true, queue: "memory", githubKeyLoaded: true });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 180_000);
});
