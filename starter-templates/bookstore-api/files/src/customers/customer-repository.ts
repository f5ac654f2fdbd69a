import type { Db } from "../db/db.js";
import { hasPostgresCode, UNIQUE_VIOLATION } from "../db/postgres-error.js";
import { conflict } from "../errors/http-error.js";
import type { CreateCustomerInput, Customer } from "./customer-schemas.js";

const CUSTOMER_COLUMNS = `id, email, name, created_at AS "createdAt"`;

export class CustomerRepository {
  constructor(private readonly db: Db) {}

  async findById(id: number): Promise<Customer | undefined> {
    const [customer] = await this.db.query<Customer>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [id]);
    return customer;
  }

  async create(input: CreateCustomerInput): Promise<Customer> {
    try {
      const [customer] = await this.db.query<Customer>(
        `INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING ${CUSTOMER_COLUMNS}`,
        [input.email, input.name],
      );
      if (!customer) throw new Error("INSERT ... RETURNING returned no row");
      return customer;
    } catch (error) {
      if (hasPostgresCode(error, UNIQUE_VIOLATION)) {
        throw conflict("email_taken", "A customer with this e-mail address already exists.");
      }
      throw error;
    }
  }
}
