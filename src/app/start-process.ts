import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createProbot } from "probot";
import { createDashboardHandler } from "../dashboard/create-dashboard-handler.js";
import { createQueue } from "../queue/create-queue.js";
import { HistoryConfigError, openHistory } from "../storage/open-history.js";
import { startRecovery } from "../worker/recover-check-runs.js";
import { ThreadedReview } from "../worker/threaded-review.js";
import { createAppServer } from "./app-server.js";
import { AppMetrics } from "./app-metrics.js";
import { apprenticeOctokit, type PacingOptions } from "./apprentice-octokit.js";
import { pacingFromEnv, type Pacing } from "./create-pacing.js";
import { createApp } from "./create-app.js";
import { createDefaultDeps, readLesson } from "./default-deps.js";

/** The dashboard answers synchronously: true for the paths it serves. */
const dashboardPages =
  (handler: ReturnType<typeof createDashboardHandler>) => (request: IncomingMessage, response: ServerResponse) =>
    handler(request, response) === true;

const number = (value: string | undefined, fallback: number) =>
  value !== undefined && value !== "" && Number.isFinite(Number(value)) ? Number(value) : fallback;

/**
 * GitHub's pacing per installation (writes 1 s apart, notifications 3 s); with REDIS_URL the limiters
 * live in Redis under the queue's prefix, shared by every replica. `APPRENTICE_UNPACED=1` drops the 1 s /
 * 3 s gaps (throttling and retries stay on): only for a local fake of GitHub, in tests and the
 * benchmark. Never set it against github.com.
 */
function pacing(env: NodeJS.ProcessEnv): Pacing & PacingOptions {
  if (env.APPRENTICE_UNPACED !== "1") return pacingFromEnv(env);
  return { ...pacingFromEnv(env, { writeGapMs: 0, notificationGapMs: 0 }), retryAfterBaseValue: 1 };
}

/**
 * What Probot reads from the environment. Without REDIS_URL: Probot would open its own Redis
 * connection for throttling, with unprefixed keys and without the Redis 7 fix in create-pacing.ts;
 * Apprentice passes its own limiters instead. LOG_LEVEL defaults to "info" (see withLogDefaults).
 */
function probotEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, ...rest } = withLogDefaults(env);
  return rest;
}

/**
 * `APPRENTICE_WRITE_RETRY_MS=100,200` replaces the waits before a maybe-applied write is retried
 * (default 1, 2, 4, 8 s): only for a local fake of GitHub, in tests. Empty or absent keeps the default.
 */
function writeRetryDelays(env: NodeJS.ProcessEnv): { writeRetryDelaysMs?: number[] } {
  const text = env.APPRENTICE_WRITE_RETRY_MS?.trim();
  if (!text) return {};
  const delays = text.split(",").map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isFinite(delay) || delay < 0))
    throw new Error(
      `APPRENTICE_WRITE_RETRY_MS: expected comma-separated milliseconds such as "100,200", got "${text}"`,
    );
  return { writeRetryDelaysMs: delays };
}

/**
 * Probot's own default log level is "warn", which hides every line Apprentice writes at "info",
 * "apprentice: listening" among them: a started server then prints nothing at all and looks hung.
 * Apprentice's processes log at "info" unless LOG_LEVEL says otherwise.
 */
export function withLogDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.LOG_LEVEL?.trim() ? env : { ...env, LOG_LEVEL: "info" };
}

/**
 * One Apprentice process: `webhooks: true` is `npm start` (webhook server and review workers), false is
 * `npm run worker` (workers, with health and metrics only). Configuration comes from the environment
 * (see docs/github-app.md); a `.env` file in the working directory is read when present.
 */
export async function startProcess(role: { webhooks: boolean }, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const limits = pacing(env);
  const probot = createProbot({ env: probotEnv(env), overrides: { Octokit: apprenticeOctokit(limits) } });
  const lockDuration = number(env.APPRENTICE_JOB_LOCK_MS, 60000);
  const queue = createQueue(env, { lockDuration, stalledInterval: Math.max(500, Math.floor(lockDuration / 2)) });
  const metrics = new AppMetrics(() => queue.depth());
  const engine = new ThreadedReview(number(env.APPRENTICE_ENGINE_THREADS, 1));
  const history = await openHistory(env).catch((error: unknown) => {
    if (error instanceof HistoryConfigError) throw error;
    throw new Error(`could not open the review history: ${error instanceof Error ? error.message : String(error)}`);
  });
  const deps = {
    ...createDefaultDeps(history),
    ...writeRetryDelays(env),
    review: (input: Parameters<ThreadedReview["review"]>[0]) => engine.review(input),
  };
  const workers = number(env.APPRENTICE_WORKERS, 2);
  if (!role.webhooks && queue.kind === "memory")
    throw new Error("npm run worker needs REDIS_URL: without Redis, `npm start` runs the workers in the same process");
  await probot.load(createApp(deps, { queue, metrics, workers }));
  const staleMs = number(env.APPRENTICE_RECOVER_AFTER_MS, 15 * 60 * 1000);
  const stopRecovery =
    workers > 0
      ? startRecovery(probot, queue, metrics, staleMs, number(env.APPRENTICE_RECOVER_EVERY_MS, 60000))
      : () => undefined;
  const server = createAppServer({
    probot,
    queue,
    metrics,
    keyLoaded: Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH),
    ...(role.webhooks
      ? { pages: dashboardPages(createDashboardHandler({ env, db: async () => history.db, readLesson })) }
      : {}),
    ...(role.webhooks ? { webhookSecret: env.WEBHOOK_SECRET ?? "" } : {}),
    ...(env.WEBHOOK_PATH ? { webhookPath: env.WEBHOOK_PATH } : {}),
  });
  if (role.webhooks && !env.WEBHOOK_SECRET)
    throw new Error(
      "WEBHOOK_SECRET is not set: Apprentice verifies every webhook signature and cannot start without it",
    );
  const port = number(env.PORT, role.webhooks ? 3000 : 3001);
  const host = env.HOST ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  probot.log.info(
    { host: address.address, port: address.port, queue: queue.kind, workers, role: role.webhooks ? "app" : "worker" },
    "apprentice: listening",
  );
  const stop = async () => {
    stopRecovery();
    server.close();
    await queue.close();
    await engine.close();
    await limits.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}
