import { poolPerRequestCheck } from "../../../src/checks/database/pool-per-request.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("pool-per-request", poolPerRequestCheck.rule, {
  valid: [
    `const pool = new Pool({ connectionString: process.env.DATABASE_URL }); app.get("/tasks", async (req, res) => { res.json((await pool.query("SELECT id FROM tasks LIMIT 20")).rows); });`,
    `export function createPool(url) { return new Pool({ connectionString: url }); }`,
    `app.get("/x", (req, res) => { const m = new Map(); res.json([...m]); });`,
    // Made once, on the first request, and kept outside the function.
    `let pool;
    function getPool() { if (!pool) pool = new Pool({ connectionString: process.env.DATABASE_URL }); return pool; }
    app.get("/tasks", async (req, res) => { res.json((await getPool().query("SELECT id FROM tasks LIMIT 20")).rows); });`,
    `let prisma;
    const db = () => (prisma ??= new PrismaClient());
    app.get("/users/:id", async (req, res) => { res.json(await db().user.findUnique({ where: { id: req.params.id } })); });`,
  ],
  invalid: [
    {
      code: `app.get("/tasks", async (req, res) => { const pool = new Pool(); const { rows } = await pool.query("SELECT id FROM tasks LIMIT 5"); res.json(rows); });`,
      errors: [{ messageId: "perRequest" }],
    },
    {
      code: `router.post("/users", async (req, res) => { const prisma = new PrismaClient(); await prisma.user.create({ data: req.body }); res.status(201).end(); });`,
      errors: [{ messageId: "perRequest" }],
    },
    {
      code: `async function handler(req, res) { const conn = await mysql.createConnection(config); res.json(await conn.query("SELECT 1")); }`,
      errors: [{ messageId: "perRequest" }],
    },
    // A helper of this file the handler calls makes a new pool on every call.
    {
      code: `function getPool() { return new Pool({ connectionString: process.env.DATABASE_URL }); }
      app.get("/tasks", async (req, res) => { res.json((await getPool().query("SELECT id FROM tasks LIMIT 20")).rows); });`,
      errors: [{ messageId: "perRequest", line: 1 }],
    },
  ],
});
