import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Readiness } from "../health/readiness.js";

/** Below the 10 seconds Docker and Kubernetes wait after SIGTERM before they kill the process. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * How long in-flight requests may run after SIGTERM: `SHUTDOWN_TIMEOUT_MS` (a whole number of milliseconds),
 * else the default. Keep it below the platform's grace period (`stop_grace_period` in compose,
 * `terminationGracePeriodSeconds` in Kubernetes), or the process is killed before it can close the pool.
 */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHUTDOWN_TIMEOUT_MS;
  if (raw === undefined || raw === "") return DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Invalid environment configuration: SHUTDOWN_TIMEOUT_MS: expected a whole number of milliseconds, got "${raw}"`);
  }
  return value;
}

export interface ShutdownDependencies {
  server: Server;
  /** Closed after the last in-flight request has finished (the database pool). */
  db: { close(): Promise<void> };
  logger: Logger;
  readiness: Readiness;
  /** After this long the process exits with 1 even if requests are still running. */
  timeoutMs: number;
  /** `process.exit` in production; tests pass a spy. */
  exit?: (code: number) => void;
}

/**
 * Stops the server the way a container platform expects on SIGTERM: report not ready, stop accepting
 * connections, wait for the in-flight requests (`server.close()`), then close the pool and exit 0.
 * A request that never ends cannot keep the process alive: after `timeoutMs` it exits with 1.
 */
export async function shutDown(signal: string, deps: ShutdownDependencies): Promise<void> {
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  deps.logger.info({ signal }, "Shutting down: waiting for in-flight requests");
  deps.readiness.markNotReady();
  const forced = setTimeout(() => {
    deps.logger.error({ timeoutMs: deps.timeoutMs }, "Requests still running after the shutdown timeout: exiting");
    exit(1);
  }, deps.timeoutMs);
  forced.unref();
  try {
    const closed = new Promise<void>((resolve, reject) => {
      deps.server.close((error) => (error ? reject(error) : resolve()));
    });
    // Idle keep-alive connections would otherwise hold server.close() open until they time out (seconds):
    // close those idle now, and, every 100 ms, those whose in-flight request has been answered since.
    deps.server.closeIdleConnections();
    const sweep = setInterval(() => deps.server.closeIdleConnections(), 100);
    sweep.unref();
    await closed.finally(() => clearInterval(sweep));
    await deps.db.close();
    clearTimeout(forced);
    deps.logger.info("Shutdown complete");
    exit(0);
  } catch (error) {
    clearTimeout(forced);
    deps.logger.error({ err: error }, "Shutdown failed");
    exit(1);
  }
}

/** Runs `shutDown` once on the first SIGTERM or SIGINT. */
export function shutDownOnSignals(deps: ShutdownDependencies): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    void shutDown(signal, deps);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
