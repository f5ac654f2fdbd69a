import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CustomerRepository } from "../../src/customers/customer-repository.js";
import type { Db } from "../../src/db/db.js";
import { deleteAllData } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("CustomerRepository", () => {
  let db: Db;
  let customers: CustomerRepository;

  beforeAll(async () => {
    db = await createTestDb();
    customers = new CustomerRepository(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates a customer and finds it by id", async () => {
    const customer = await customers.create({ email: "linus@example.com", name: "Linus" });
    expect(await customers.findById(customer.id)).toEqual(customer);
    expect(await customers.findById(customer.id + 1)).toBeUndefined();
  });

  it("refuses a second account for the same e-mail address", async () => {
    await customers.create({ email: "linus@example.com", name: "Linus" });
    await expect(customers.create({ email: "Linus@Example.com", name: "L" })).rejects.toMatchObject({
      status: 409,
      code: "email_taken",
    });
  });
});
