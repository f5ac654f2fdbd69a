import { createServer, type Server, type Socket } from "node:net";
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb } from "../../src/db/pg-db.js";
import { healthRouter } from "../../src/health/health-router.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";

/**
 * A TCP server that accepts connections and never answers: what a database behind a dead network path
 * looks like. Without connectionTimeoutMillis a query (and so /health/ready) would wait forever.
 */
describe("createPgDb timeouts", () => {
  let server: Server;
  const sockets: Socket[] = [];
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    port = address.port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("fails a query within the connection timeout when the server never answers", async () => {
    const db = createPgDb(`postgres://nobody@127.0.0.1:${port}/none`, { connectionTimeoutMillis: 200 });
    const started = performance.now();
    await expect(db.query("SELECT 1")).rejects.toThrow(/timeout/i);
    expect(performance.now() - started).toBeLessThan(3_000);
    await db.close();
  });

  it("makes /health/ready answer 503 instead of hanging when the database never answers", async () => {
    const db = createPgDb(`postgres://nobody@127.0.0.1:${port}/none`, { connectionTimeoutMillis: 300 });
    const app = express();
    app.use(createRequestLogger(createLogger("silent")));
    app.use(healthRouter(db));
    const started = performance.now();
    const response = await request(app).get("/health/ready").timeout(5_000);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable", database: "unreachable" });
    expect(performance.now() - started).toBeLessThan(4_000);
    await db.close();
  });
});

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)("createPgDb on PostgreSQL (DATABASE_URL)", () => {
  it("cancels a statement that runs longer than statementTimeoutMillis", async () => {
    const db = createPgDb(databaseUrl ?? "", { statementTimeoutMillis: 100 });
    try {
      await expect(db.query("SELECT pg_sleep(2)")).rejects.toThrow(/statement timeout/);
    } finally {
      await db.close();
    }
  });

  it("keeps the original error when ROLLBACK fails too, and the pool still works afterwards", async () => {
    const db = createPgDb(databaseUrl ?? "");
    try {
      // The backend ends its own connection: the callback's query fails, and so does the ROLLBACK after it.
      const failing = db.transaction(async (tx) => {
        await tx.query("SELECT pg_terminate_backend(pg_backend_pid())");
      });
      await expect(failing).rejects.toThrow(/terminat/i);
      await expect(db.query<{ one: number }>("SELECT 1 AS one")).resolves.toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
