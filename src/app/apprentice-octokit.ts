import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { pacingFromEnv, type Pacing } from "./create-pacing.js";

export interface PacingOptions {
  /** Multiplies every `retry-after` wait (milliseconds per second). 1000 in production; tests use 1 so retries are real but instant. */
  retryAfterBaseValue?: number;
  /**
   * Replace the throttling plugin's pacing limiters (Bottleneck groups keyed by installation id):
   * `write` (no concurrent writes, 1 s apart; GraphQL too), `notifications` (comments and reviews, 3 s
   * apart), `global` (10 requests at once), and the Redis `connection` they share across replicas
   * (see create-pacing.ts). Tests and the benchmark pass groups without the pacing, and say so.
   */
  write?: unknown;
  notifications?: unknown;
  global?: unknown;
  connection?: unknown;
}

interface RequestInfo {
  method: string;
  url: string;
}
interface WithLog {
  log: { warn(message: string): void };
}
interface HookOptions {
  method?: string;
  url?: string;
  request?: Record<string, unknown>;
}

/** How often a request hit by a rate limit is retried after waiting what GitHub asked. */
export const RATE_LIMIT_RETRIES = 3;

/**
 * True for a request Octokit's retry plugin must not repeat on a 5xx: a REST write that may have been
 * applied before the error (a second POST would post a second review). GraphQL (reads, and the App's
 * only mutation, resolving threads, which is idempotent) and the token exchange stay retried. The App
 * repeats its writes itself, after looking for their hidden marker (src/github/write-once.ts).
 */
export function isUnsafeToRetry(method: string | undefined, url: string | undefined): boolean {
  const verb = (method ?? "GET").toUpperCase();
  if (verb === "GET" || verb === "HEAD") return false;
  // `/graphql` on github.com, `/api/graphql` on GitHub Enterprise (and the test fake).
  const path = (url ?? "").replace(/^https?:\/\/[^/]+/, "").replace(/^\/api(?:\/v3)?(?=\/)/, "");
  return !/^\/graphql(?:$|\?)/.test(path) && !/^\/app\/installations\/[^/]+\/access_tokens$/.test(path);
}

/** An Octokit plugin: sets `request.retries = 0` on writes, so the retry plugin never repeats them blindly. */
function noBlindWriteRetries(octokit: {
  hook: { before(name: "request", hook: (options: HookOptions) => void): void };
}): void {
  octokit.hook.before("request", (options) => {
    if (isUnsafeToRetry(options.method, options.url)) options.request = { ...options.request, retries: 0 };
  });
}

/**
 * Probot's Octokit with throttling and retry on, and secondary rate limits honoured: Probot's default
 * only logs them; Apprentice waits `retry-after` and tries again, a few times. Writes are not retried
 * blindly on a 5xx (see `isUnsafeToRetry`). Pacing is per installation; with `REDIS_URL` set, the
 * limiters live in Redis, so every replica paces one installation together.
 */
export function apprenticeOctokit(pacing: PacingOptions | Pacing = pacingFromEnv()): typeof ProbotOctokit {
  const limits = pacing as PacingOptions;
  return ProbotOctokit.plugin(noBlindWriteRetries as never).defaults((options: Record<string, unknown>) => {
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    const retry = (options.retry ?? {}) as Record<string, unknown>;
    // `probot.auth(id)` keys the limiters by installation (`throttle.id`), but the Octokit Probot hands
    // a webhook handler (octokit-auth-probot's "event-octokit") does not: every installation would share
    // the plugin's one "no-id" limiter, one busy installation pacing all the others. Key it here.
    const installationId = (options.auth as { installationId?: unknown } | undefined)?.installationId;
    const id = throttle.id ?? (installationId !== undefined ? String(installationId) : undefined);
    return {
      ...options,
      throttle: {
        ...throttle,
        ...(id !== undefined ? { id } : {}),
        ...(limits.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: limits.retryAfterBaseValue } : {}),
        ...(limits.write !== undefined ? { write: limits.write } : {}),
        ...(limits.notifications !== undefined ? { notifications: limits.notifications } : {}),
        ...(limits.global !== undefined ? { global: limits.global } : {}),
        ...(limits.connection !== undefined ? { connection: limits.connection, Bottleneck } : {}),
        onSecondaryRateLimit: (retryAfter: number, request: RequestInfo, octokit: WithLog, retryCount: number) => {
          octokit.log.warn(
            `GitHub secondary rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`,
          );
          return retryCount < RATE_LIMIT_RETRIES;
        },
        onRateLimit: (retryAfter: number, request: RequestInfo, octokit: WithLog, retryCount: number) => {
          octokit.log.warn(
            `GitHub rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`,
          );
          return retryCount < RATE_LIMIT_RETRIES;
        },
      },
      retry: {
        ...retry,
        ...(limits.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: limits.retryAfterBaseValue } : {}),
      },
    };
  }) as typeof ProbotOctokit;
}
