/**
 * Real App processes (`src/app/server.ts` and `src/app/worker.ts` through tsx) on a real Redis and a real
 * PostgreSQL, against the fake GitHub of the test process: what a deployment with several replicas does.
 * Each run gets its own Redis key prefix and its own PostgreSQL database, so parallel runs never meet.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Socket } from "node:net";
import pg from "pg";
import { FakeGitHub } from "../fake-github/fake-github.js";
import { APP_ID, WEBHOOK_SECRET } from "../app/support/harness.js";

export const REDIS_URL = process.env.APPRENTICE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** A PostgreSQL server the test may create a database on (CI sets APPRENTICE_TEST_DATABASE_URL to this). */
export const ADMIN_DATABASE_URL = process.env.APPRENTICE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** True when something answers PING on the test Redis. */
export async function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(Number(port || 6379), hostname, () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/** Undefined when the test PostgreSQL accepts a connection, else why not (one line). */
export async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface AppProcess {
  name: string;
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  /** stdout lines that were not JSON (the logger's own output is JSON; anything else is kept for failures). */
  other: string[];
  exited: Promise<number | null>;
}

/**
 * Spawns an entry point through tsx and resolves once it logs "apprentice: listening". Waiting is on
 * that line, not on a clock; the generous deadline only turns a real hang into a failure that shows
 * what the process printed.
 */
export function spawnApprentice(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 150_000,
): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  const other: string[] = [];
  let stderr = "";
  let buffer = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const fail = (why: string) =>
      reject(
        new Error(
          `${name} (${entry}) ${why}\nstdout (not JSON): ${other.slice(-10).join("\n")}\nstderr: ${stderr.slice(-2000)}`,
        ),
      );
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(`did not log "apprentice: listening" within ${timeoutMs / 1000} s`);
    }, timeoutMs);
    child.stderr!.on("data", (data: Buffer) => void (stderr += data.toString("utf8")));
    child.stdout!.on("data", (data: Buffer) => {
      buffer += data.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        let entryLog: Record<string, unknown>;
        try {
          entryLog = JSON.parse(line) as Record<string, unknown>;
        } catch {
          if (line.trim()) other.push(line);
          continue;
        }
        logs.push(entryLog);
        if (entryLog.msg === "apprentice: listening") {
          clearTimeout(timer);
          resolve({ name, child, logs, other, exited, url: `http://127.0.0.1:${String(entryLog.port)}` });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(`exited with ${String(code)} before listening`);
    });
  });
}

export interface Cluster {
  fake: FakeGitHub;
  prefix: string;
  database: string;
  apps: AppProcess[];
  worker: AppProcess;
  /** Every process, App processes first. */
  all(): AppProcess[];
  close(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startCluster(apps = 2): Promise<Cluster> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const fake = await FakeGitHub.start(APP_ID, publicKey);
  const tag = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const prefix = `apprentice-cluster-test-${tag}`;
  const database = `apprentice_cluster_${tag}`;
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    APP_ID: String(APP_ID),
    PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    WEBHOOK_SECRET,
    GHE_HOST: fake.host,
    GHE_PROTOCOL: "http",
    LOG_FORMAT: "json",
    REDIS_URL,
    // With REDIS_URL the history must live in PostgreSQL: PGlite serves one process.
    DATABASE_URL: url.toString(),
    APPRENTICE_QUEUE_PREFIX: prefix,
    APPRENTICE_REDIS_PREFIX: prefix,
    APPRENTICE_UNPACED: "1",
    APPRENTICE_WRITE_RETRY_MS: "50,100,200",
    APPRENTICE_JOB_LOCK_MS: "2000",
    APPRENTICE_RECOVER_AFTER_MS: "30000",
    APPRENTICE_RECOVER_EVERY_MS: "1000",
    PORT: "0",
  };
  // The history's migrations run once, in the first process, before the others race to them.
  const first = await spawnApprentice("app-0", "src/app/server.ts", env).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  const rest = await Promise.allSettled([
    ...Array.from({ length: apps - 1 }, (_, index) => spawnApprentice(`app-${index + 1}`, "src/app/server.ts", env)),
    spawnApprentice("worker", "src/app/worker.ts", { ...env, APPRENTICE_WORKERS: "1" }),
  ]);
  const started = [first, ...rest.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []))];
  const close = async () => {
    for (const app of started)
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
    await Promise.all(started.map((app) => app.exited));
    // APPRENTICE_TEST_CLUSTER_LOGS=file keeps every process's log lines and the fake's calls, for a failure.
    const keep = process.env.APPRENTICE_TEST_CLUSTER_LOGS;
    if (keep) {
      const lines = started.flatMap((app) => app.logs.map((log) => JSON.stringify({ process: app.name, ...log })));
      writeFileSync(
        keep,
        [
          ...lines,
          ...fake.calls.map((call) =>
            JSON.stringify({
              process: "fake",
              route: call.route,
              path: call.path,
              status: call.status,
              body: call.write ? call.body : undefined,
            }),
          ),
        ].join("\n"),
      );
    }
    const { Redis } = await import("ioredis");
    const redis = new Redis(REDIS_URL);
    // The queue's keys and the pacing limiters' keys (Bottleneck prefixes its own "b_").
    const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`b_${prefix}*`))];
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
    await fake.close();
  };
  const failed = rest.find((result) => result.status === "rejected");
  if (failed) {
    await close();
    throw failed.reason;
  }
  const worker = started.at(-1)!;
  const appProcesses = started.slice(0, -1);
  return { fake, prefix, database, apps: appProcesses, worker, all: () => [...started], close };
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

/** Waits until `predicate` holds (checked every 50 ms), or fails after `timeoutMs` naming `what`. */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 30000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
