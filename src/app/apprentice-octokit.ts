import { ProbotOctokit } from "probot";

export interface PacingOptions {
  /** Multiplies every `retry-after` wait (milliseconds per second). 1000 in production; tests use 1 so retries are real but instant. */
  retryAfterBaseValue?: number;
  /**
   * Replace the throttling plugin's pacing limiters (Bottleneck groups): `write` (no concurrent writes,
   * 1 s apart; GraphQL too) and `notifications` (comments and reviews, 3 s apart). Production keeps
   * the defaults; tests and the benchmark pass groups without the pacing, and say so.
   */
  write?: unknown;
  notifications?: unknown;
}

interface RequestInfo {
  method: string;
  url: string;
}
interface WithLog {
  log: { warn(message: string): void };
}

/** How often a request hit by a rate limit is retried after waiting what GitHub asked. */
export const RATE_LIMIT_RETRIES = 3;

/**
 * Probot's Octokit with throttling and retry on, and secondary rate limits honoured: Probot's default
 * only logs them; Apprentice waits `retry-after` and tries again, a few times.
 */
export function apprenticeOctokit(pacing: PacingOptions = {}): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    const retry = (options.retry ?? {}) as Record<string, unknown>;
    return {
      ...options,
      throttle: {
        ...throttle,
        ...(pacing.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: pacing.retryAfterBaseValue } : {}),
        ...(pacing.write !== undefined ? { write: pacing.write } : {}),
        ...(pacing.notifications !== undefined ? { notifications: pacing.notifications } : {}),
        onSecondaryRateLimit: (retryAfter: number, request: RequestInfo, octokit: WithLog, retryCount: number) => {
          octokit.log.warn(`GitHub secondary rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
        onRateLimit: (retryAfter: number, request: RequestInfo, octokit: WithLog, retryCount: number) => {
          octokit.log.warn(`GitHub rate limit on ${request.method} ${request.url}: waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
      },
      retry: { ...retry, ...(pacing.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: pacing.retryAfterBaseValue } : {}) },
    };
  }) as typeof ProbotOctokit;
}
