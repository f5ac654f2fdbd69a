import { databasePraiseCheck } from "../../../src/checks/database/database-praise.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("database-praise", databasePraiseCheck.rule, {
  valid: [
    `await pool.query("SELECT id FROM a WHERE id = $1", [1]); await pool.query(\`SELECT id FROM b WHERE id = \${id}\`); await pool.query("SELECT id FROM c WHERE id = $1", [2]);`,
    `await pool.query("SELECT id FROM a WHERE id = $1", [1]);`,
    `app.post("/o", async (req, res) => { await pool.query("INSERT INTO a VALUES ($1)", [1]); await pool.query("INSERT INTO b VALUES ($1)", [2]); res.end(); });`,
  ],
  invalid: [
    {
      code: `await pool.query("SELECT id FROM a WHERE id = $1", [1]); await pool.query("SELECT id FROM b WHERE id = $1", [2]); await pool.query("DELETE FROM c WHERE id = $1", [3]);`,
      errors: [{ messageId: "parameterised" }],
    },
    {
      code: `app.post("/o", async (req, res) => { await db.transaction(async (trx) => { await trx.query("INSERT INTO a VALUES (1)"); await trx.query("INSERT INTO b VALUES (2)"); }); res.end(); });`,
      errors: [{ messageId: "transaction" }],
    },
  ],
});
