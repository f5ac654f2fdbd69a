import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { deleteAllData } from "../helpers/fixtures.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("/customers", () => {
  let db: Db;
  let app: Express;

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("registers a customer and returns it", async () => {
    const created = await request(app).post("/customers").send({ email: "grace@example.com", name: "Grace" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "grace@example.com", name: "Grace" });
    expect((await request(app).get(`/customers/${created.body.id}`)).body).toEqual(created.body);
  });

  it("answers 409 for an e-mail address that is taken in any case", async () => {
    await request(app).post("/customers").send({ email: "grace@example.com", name: "Grace" });
    const response = await request(app).post("/customers").send({ email: "GRACE@example.com", name: "Other" });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("email_taken");
  });

  it("answers 422 for an invalid e-mail and 404 for an unknown customer", async () => {
    expect((await request(app).post("/customers").send({ email: "not-an-email", name: "X" })).status).toBe(422);
    expect((await request(app).get("/customers/12345")).status).toBe(404);
  });
});
