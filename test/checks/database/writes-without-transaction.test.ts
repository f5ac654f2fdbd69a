import { writesWithoutTransactionCheck } from "../../../src/checks/database/writes-without-transaction.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("writes-without-transaction", writesWithoutTransactionCheck.rule, {
  valid: [
    `router.post("/orders", async (req, res) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("INSERT INTO orders (customer_id) VALUES ($1)", [req.body.customerId]);
        await client.query("UPDATE books SET stock = stock - 1 WHERE id = $1", [req.body.bookId]);
        await client.query("COMMIT");
      } catch (error) { await client.query("ROLLBACK"); throw error; } finally { client.release(); }
      res.status(201).end();
    });`,
    `app.post("/orders", async (req, res) => { await prisma.$transaction([prisma.order.create({ data: req.body }), prisma.book.update({ where: { id: 1 }, data: {} })]); res.end(); });`,
    `app.post("/orders", async (req, res) => { await knex.transaction(async (trx) => { await trx("orders").insert(req.body); await trx("books").update({ stock: 0 }); }); res.end(); });`,
    `app.post("/tasks", async (req, res) => { await pool.query("INSERT INTO tasks (title) VALUES ($1)", [req.body.title]); res.status(201).end(); });`,
    `async function seed() { await pool.query("INSERT INTO a VALUES (1)"); await pool.query("INSERT INTO b VALUES (2)"); }`,
    `app.post("/x", (req, res) => { cache.delete(a); cache.delete(b); res.end(); });`,
    // A service function of this file that wraps its writes in a transaction.
    `async function placeOrder(order) {
      await knex.transaction(async (trx) => { await trx("orders").insert(order); await trx("books").decrement("stock"); });
    }
    app.post("/orders", async (req, res) => { await placeOrder(req.body); res.status(201).end(); });`,
    // One write in the handler, none in what it calls.
    `function audit(entry) { logger.info(entry); }
    app.post("/tasks", async (req, res) => { await pool.query("INSERT INTO tasks (title) VALUES ($1)", [req.body.title]); audit(req.body); res.status(201).end(); });`,
  ],
  invalid: [
    {
      code: `router.post("/orders", async (req, res) => {
        const { rows } = await pool.query("INSERT INTO orders (customer_id) VALUES ($1) RETURNING id", [req.body.customerId]);
        await pool.query("INSERT INTO order_items (order_id, book_id) VALUES ($1, $2)", [rows[0].id, req.body.bookId]);
        res.status(201).json(rows[0]);
      });`,
      errors: [{ messageId: "noTransaction", line: 3 }],
    },
    {
      code: `export async function transfer(req, res) { await Account.update({ balance: 0 }, { where: { id: 1 } }); await Account.update({ balance: 10 }, { where: { id: 2 } }); res.end(); }`,
      errors: [{ messageId: "noTransaction" }],
    },
    // The writes sit in a service function that takes the body, not req: they still run in the request.
    {
      code: `async function placeOrder(order) {
        const { rows } = await pool.query("INSERT INTO orders (customer_id) VALUES ($1) RETURNING id", [order.customerId]);
        await pool.query("UPDATE books SET stock = stock - 1 WHERE id = $1", [order.bookId]);
        return rows[0];
      }
      app.post("/orders", async (req, res) => { res.status(201).json(await placeOrder(req.body)); });
      app.post("/orders/again", async (req, res) => { res.status(201).json(await placeOrder(req.body)); });`,
      errors: [{ messageId: "noTransaction", line: 3 }],
    },
    // One write in the handler, one in the helper it calls.
    {
      code: `const addItem = (orderId, bookId) => pool.query("INSERT INTO order_items (order_id, book_id) VALUES ($1, $2)", [orderId, bookId]);
      router.post("/orders", async (req, res) => {
        const { rows } = await pool.query("INSERT INTO orders (customer_id) VALUES ($1) RETURNING id", [req.body.customerId]);
        await addItem(rows[0].id, req.body.bookId);
        res.status(201).end();
      });`,
      errors: [{ messageId: "noTransaction", line: 1 }],
    },
    // A controller class: the handler method calls a method of the same class that writes twice.
    {
      code: `class OrdersController {
        async create(req, res) { await this.save(req.body); res.status(201).end(); }
        async save(order) {
          await Order.create(order);
          await Book.update({ stock: 0 }, { where: { id: order.bookId } });
        }
      }`,
      errors: [{ messageId: "noTransaction", line: 5 }],
    },
  ],
});
