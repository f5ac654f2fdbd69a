/**
 * The database rules find request handlers by their shape (`(req, res)`, `(request, reply)`, `(ctx)`), so a handler
 * defined in a controller module, away from the route that registers it, is read like an inline one.
 */
import { selectUnboundedCheck } from "../../../src/checks/database/select-unbounded.js";
import { writesWithoutTransactionCheck } from "../../../src/checks/database/writes-without-transaction.js";
import { poolPerRequestCheck } from "../../../src/checks/database/pool-per-request.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("writes-without-transaction", writesWithoutTransactionCheck.rule, {
  valid: [
    `export async function transfer(from, to, amount) { await db.query("UPDATE a SET x = 1"); await db.query("UPDATE b SET x = 1"); }`,
  ],
  invalid: [
    {
      code: `export const checkout = asyncHandler(async (req, res) => { await pool.query("INSERT INTO orders (user_id) VALUES ($1)", [req.user.id]); await pool.query("UPDATE carts SET done = true WHERE user_id = $1", [req.user.id]); res.status(201).end(); });`,
      errors: 1,
    },
    {
      code: `exports.checkout = async (req, res) => { await Order.create({ userId: req.user.id }); await Cart.destroy({ where: { userId: req.user.id } }); res.sendStatus(201); };`,
      errors: 1,
    },
  ],
});

ruleTester.run("select-unbounded", selectUnboundedCheck.rule, {
  valid: [`export async function exportAll(db) { return (await db.query("SELECT id FROM orders")).rows; }`],
  invalid: [
    {
      code: `export async function report(request, reply) { const { rows } = await db.query("SELECT id, total FROM orders"); return reply.send(rows); }`,
      errors: 1,
    },
  ],
});

ruleTester.run("pool-per-request", poolPerRequestCheck.rule, {
  valid: [
    `import { Pool } from "pg"; const pool = new Pool(); export async function list(req, res) { res.json((await pool.query("SELECT 1")).rows); }`,
  ],
  invalid: [
    {
      code: `import { Pool } from "pg"; export async function list(req, res) { const pool = new Pool(); res.json((await pool.query("SELECT 1")).rows); }`,
      errors: 1,
    },
  ],
});
