import { selectStarCheck } from "../../../src/checks/database/select-star.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("select-star", selectStarCheck.rule, {
  valid: [
    `pool.query("SELECT id, title FROM tasks WHERE id = $1", [id]);`,
    `pool.query("SELECT count(*) FROM tasks");`,
    { code: `pool.query("SELECT * FROM tasks");`, filename: "test/tasks.test.ts" },
    { code: `pool.query("SELECT * FROM tasks");`, filename: "migrations/003_backfill.js" },
    `const hint = "Press select * to mark every row";`,
  ],
  invalid: [
    { code: `pool.query("SELECT * FROM tasks WHERE id = $1", [id]);`, errors: [{ messageId: "selectStar" }] },
    {
      code: "const sql = `\n  SELECT *\n  FROM books\n  WHERE author_id = $1`;",
      errors: [{ messageId: "selectStar" }],
    },
  ],
});
