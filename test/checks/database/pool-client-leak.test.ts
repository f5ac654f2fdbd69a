import { poolClientLeakCheck } from "../../../src/checks/database/pool-client-leak.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("pool-client-leak", poolClientLeakCheck.rule, {
  valid: [
    `async function f() { const client = await pool.connect(); try { await client.query("SELECT 1"); } finally { client.release(); } }`,
    `async function getClient() { const client = await pool.connect(); return client; }`,
    `async function f() { const client = new Client(); await client.connect(); await client.end(); }`,
    `async function f() { const conn = await this.pool.getConnection(); try { await conn.query("SELECT 1"); } finally { conn.release(); } }`,
  ],
  invalid: [
    {
      code: `async function f() { const client = await pool.connect(); await client.query("SELECT 1"); client.release(); }`,
      errors: [{ messageId: "notReleased" }],
    },
    {
      code: `async function f() { const conn = await db.getConnection(); try { await conn.query("SELECT 1"); } catch (e) { conn.release(); throw e; } }`,
      errors: [{ messageId: "notReleased" }],
    },
  ],
});
