import { statusOf } from "./github-client.js";

/** Waits between attempts of a write that failed in a way that may have been applied: bounded backoff. */
export const DEFAULT_WRITE_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000];

export interface WriteRetry {
  /** One wait per retry; the write is tried `delaysMs.length + 1` times at most. */
  delaysMs?: readonly number[];
  /** Called before each retry (metrics and logs listen here). */
  onRetry?: (what: string, attempt: number, error: unknown) => void;
}

/**
 * True when a failed write may still have been applied by GitHub: a 5xx (GitHub sometimes answers 502
 * after applying a write), a timeout or a dropped connection (Octokit reports those as 500 or without a
 * status). A 4xx is GitHub's definite answer that nothing happened (secondary rate limits, 403/429, are
 * waited out and retried by the throttling plugin before they get here).
 */
export function mayHaveApplied(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a non-idempotent write exactly once as far as GitHub can tell us: when it fails in a way that may
 * have been applied, waits, asks `applied()` (which looks for the write's hidden marker) and returns
 * what it found; only when the marker is absent is the write sent again. Octokit's retry plugin is off
 * for writes (see apprentice-octokit.ts), so this is the only place a write is repeated.
 */
export async function writeOnce<T>(
  what: string,
  write: () => Promise<T>,
  applied: () => Promise<T | undefined>,
  retry: WriteRetry = {},
): Promise<T> {
  const delays = retry.delaysMs ?? DEFAULT_WRITE_RETRY_DELAYS_MS;
  let lastError: unknown;
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (attempt > 0) {
      retry.onRetry?.(what, attempt, lastError);
      await sleep(delays[attempt - 1]!);
      let found: T | undefined;
      try {
        found = await applied();
      } catch {
        // Unknown whether the write landed: never write blind, look again after the next wait.
        continue;
      }
      if (found !== undefined) return found;
    }
    try {
      return await write();
    } catch (error) {
      if (!mayHaveApplied(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
