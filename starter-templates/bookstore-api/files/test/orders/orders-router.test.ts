import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { deleteAllData, insertAuthor, insertBook, insertCustomer } from "../helpers/fixtures.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("/orders", () => {
  let db: Db;
  let app: Express;
  let customerId: number;
  let bookId: number;

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
    customerId = await insertCustomer(db);
    bookId = await insertBook(db, await insertAuthor(db), { priceCents: 1200, stock: 2 });
  });

  afterAll(async () => {
    await db.close();
  });

  it("places an order (201) and returns it (200)", async () => {
    const placed = await request(app).post("/orders").send({ customerId, items: [{ bookId, quantity: 2 }] });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ customerId, totalCents: 2400, items: [{ bookId, quantity: 2, unitPriceCents: 1200 }] });
    expect(placed.headers.location).toBe(`/orders/${placed.body.id}`);
    const found = await request(app).get(`/orders/${placed.body.id}`);
    expect(found.body).toEqual(placed.body);
  });

  it("answers 409 when the stock is too low", async () => {
    const response = await request(app).post("/orders").send({ customerId, items: [{ bookId, quantity: 3 }] });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "insufficient_stock", details: [{ bookId, requested: 3, available: 2 }] });
  });

  it("answers 422 for an invalid body and 404 for an unknown order", async () => {
    expect((await request(app).post("/orders").send({ customerId, items: [] })).status).toBe(422);
    expect((await request(app).get("/orders/777")).status).toBe(404);
  });

  it("lists a customer's orders, and answers 404 for an unknown customer", async () => {
    await request(app).post("/orders").send({ customerId, items: [{ bookId, quantity: 1 }] });
    const response = await request(app).get(`/customers/${customerId}/orders`);
    expect(response.status).toBe(200);
    expect(response.body.page.total).toBe(1);
    expect(response.body.data[0]).toMatchObject({ customerId, totalCents: 1200 });
    expect((await request(app).get("/customers/4321/orders")).status).toBe(404);
  });
});
