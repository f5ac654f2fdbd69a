import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { insertAuthor, insertBook, insertCustomer, insertOrder } from "../helpers/fixtures.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("GET /reports/best-sellers", () => {
  let db: Db;
  let app: Express;
  let bookId: number;

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
    bookId = await insertBook(db, await insertAuthor(db), { title: "Middlemarch" });
    await insertOrder(db, { customerId: await insertCustomer(db), placedAt: "2025-05-20T10:00:00Z", lines: [{ bookId, quantity: 4 }] });
  });

  afterAll(async () => {
    await db.close();
  });

  it("answers with the best sellers of each month", async () => {
    const response = await request(app).get("/reports/best-sellers").query({ from: "2025-04", to: "2025-06", top: 3 });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from: "2025-04",
      to: "2025-06",
      top: 3,
      months: [{ month: "2025-05", books: [{ rank: 1, bookId, title: "Middlemarch", copies: 4, revenueCents: 4000 }] }],
    });
  });

  it("answers 422 when the range is missing or invalid", async () => {
    const response = await request(app).get("/reports/best-sellers").query({ from: "May" });
    expect(response.status).toBe(422);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["from", "to"]);
  });
});
