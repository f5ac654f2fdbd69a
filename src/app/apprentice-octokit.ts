import { ProbotOctokit } from "probot";

export interface PacingOptions {
  /** Multiplies every `retry-after` wait (milliseconds per second). 1000 in production; tests use 1 so retries are real but instant. */
  retryAfterBaseValue?: number;
  /** Replaces the write limiter (GitHub asks for no concurrent writes, about 1 s apart). Tests and the benchmark pass one without the 1 s pacing. */
  write?: unknown;
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
        onSecondaryRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < RATE_LIMIT_RETRIES,
        onRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < RATE_LIMIT_RETRIES,
      },
      retry: { ...retry, ...(pacing.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: pacing.retryAfterBaseValue } : {}) },
    };
  }) as typeof ProbotOctokit;
}
