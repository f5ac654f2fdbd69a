/**
 * Real App processes (`src/app/server.ts` and `src/app/worker.ts` through tsx) on a real Redis, against
 * the fake GitHub of the test process: what a deployment with several replicas does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { Socket } from "node:net";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { APP_ID, WEBHOOK_SECRET } from "../app/support/harness.js";

export const REDIS_URL = process.env.APPRENTICE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** True when something answers PING on the test Redis. */
export async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(Number(port || 6379), hostname, () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export interface AppProcess {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
}

export interface Cluster {
  fake: FakeGitHub;
  prefix: string;
  apps: AppProcess[];
  worker: AppProcess;
  close(): Promise<void>;
}

function startProcess(entry: string, env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  let buffer = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 60 s`)), 60000);
    child.stderr!.on("data", (data: Buffer) => process.stderr.write(data));
    child.stdout!.on("data", (data: Buffer) => {
      buffer += data.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        try {
          const entryLog = JSON.parse(line) as Record<string, unknown>;
          logs.push(entryLog);
          if (entryLog.msg === "apprentice: listening") {
            clearTimeout(timer);
            resolve({ child, logs, url: `http://127.0.0.1:${String(entryLog.port)}` });
          }
        } catch {
          // not a log line
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
}

export async function startCluster(apps = 2): Promise<Cluster> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const fake = await FakeGitHub.start(APP_ID, publicKey);
  const prefix = `apprentice-test-${randomUUID()}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    APP_ID: String(APP_ID),
    PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    WEBHOOK_SECRET,
    GHE_HOST: fake.host,
    GHE_PROTOCOL: "http",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    REDIS_URL,
    // With REDIS_URL the history must live in PostgreSQL: PGlite serves one process.
    ...(process.env.APPRENTICE_TEST_DATABASE_URL ? { DATABASE_URL: process.env.APPRENTICE_TEST_DATABASE_URL } : {}),
    APPRENTICE_QUEUE_PREFIX: prefix,
    APPRENTICE_UNPACED: "1",
    APPRENTICE_JOB_LOCK_MS: "2000",
    APPRENTICE_RECOVER_AFTER_MS: "3000",
    APPRENTICE_RECOVER_EVERY_MS: "1000",
    PORT: "0",
  };
  const started = await Promise.all([
    ...Array.from({ length: apps }, () => startProcess("src/app/server.ts", env)),
    startProcess("src/app/worker.ts", { ...env, APPRENTICE_WORKERS: "1" }),
  ]);
  const worker = started.pop()!;
  return {
    fake,
    prefix,
    apps: started,
    worker,
    async close() {
      for (const process of [...started, worker]) if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill("SIGKILL");
      const { Redis } = await import("ioredis");
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await fake.close();
    },
  };
}

/** Posts a signed webhook like GitHub does; returns the status. */
export async function deliver(app: AppProcess, event: string, payload: unknown, delivery: string): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${app.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": delivery,
      "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
    },
    body,
  });
  await response.text();
  return response.status;
}

/** Waits until `predicate` holds (checked every 100 ms), or fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 30000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
