import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it, vi } from "vitest";
import { createReadiness } from "../../src/health/readiness.js";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, shutDown, shutdownTimeoutMs } from "../../src/http/graceful-shutdown.js";
import { createLogger } from "../../src/logger.js";

/** A server with one route that answers after `delayMs`, like a slow query. */
async function serverWithSlowRoute(delayMs: number): Promise<{ server: Server; url: string }> {
  const app = express();
  app.get("/slow", (_req, res) => {
    setTimeout(() => res.json({ finished: true }), delayMs);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("shutDown", () => {
  it("lets a slow in-flight request finish, then closes the pool and exits 0", async () => {
    const { server, url } = await serverWithSlowRoute(300);
    const events: string[] = [];
    const db = { close: vi.fn(async () => void events.push("db closed")) };
    const readiness = createReadiness();
    const exit = vi.fn((code: number) => void events.push(`exit ${code}`));

    const inFlight = fetch(`${url}/slow`).then(async (response) => {
      events.push("response");
      return { status: response.status, body: (await response.json()) as unknown };
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = shutDown("SIGTERM", { server, db, logger: createLogger("silent"), readiness, timeoutMs: 5_000, exit });

    expect(readiness.isReady()).toBe(false);
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    await expect(inFlight).resolves.toEqual({ status: 200, body: { finished: true } });
    await stopping;
    expect(events).toEqual(["response", "db closed", "exit 0"]);
  });

  it("exits 1 after the timeout when a request never finishes", async () => {
    const { server, url } = await serverWithSlowRoute(60_000);
    const exit = vi.fn();
    const db = { close: vi.fn(async () => undefined) };
    const hanging = fetch(`${url}/slow`).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    void shutDown("SIGTERM", { server, db, logger: createLogger("silent"), readiness: createReadiness(), timeoutMs: 200, exit });

    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1), { timeout: 2_000 });
    expect(db.close).not.toHaveBeenCalled();
    server.closeAllConnections();
    await hanging;
  });
});

describe("shutdownTimeoutMs", () => {
  it("reads SHUTDOWN_TIMEOUT_MS, with a default below Docker's 10 second grace period", () => {
    expect(shutdownTimeoutMs({})).toBe(DEFAULT_SHUTDOWN_TIMEOUT_MS);
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBeLessThan(10_000);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: "" })).toBe(DEFAULT_SHUTDOWN_TIMEOUT_MS);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: "25000" })).toBe(25_000);
  });

  it("refuses a value that is not a whole number of milliseconds, naming the variable", () => {
    expect(() => shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: "8s" })).toThrow(/SHUTDOWN_TIMEOUT_MS: expected a whole number of milliseconds, got "8s"/);
    expect(() => shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: "-1" })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
