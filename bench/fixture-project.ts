/**
 * A deterministic, realistic practice-project change for the benchmark: Express routes over pg, services,
 * validation, middleware and tests, with the mix of good code and junior mistakes a real pull request has.
 */
import type { ChangedFile } from "../src/contract/types.js";

function route(name: string, index: number): string {
  const table = `${name}s`;
  return `import { Router, type Request, type Response, type NextFunction } from "express";
import { z } from "zod";
import { pool } from "../db.js";
import { requireAuth } from "../middleware/auth.js";

export const ${name}Router = Router();

const create${index}Schema = z.object({ title: z.string().min(1).max(200), priority: z.number().int().min(0).max(5).default(0) });

${name}Router.get("/", requireAuth, async (req: Request, res: Response) => {
  const limit = Math.min(Number(req.query.limit ?? 20), 100);
  const offset = Number(req.query.offset ?? 0);
  const { rows } = await pool.query("SELECT id, title, priority FROM ${table} ORDER BY id LIMIT $1 OFFSET $2", [limit, offset]);
  res.json({ items: rows, limit, offset });
});

${name}Router.get("/search", async (req: Request, res: Response) => {
  const term = req.query.q;
  ${
    index % 3 === 0
      ? `const sql = \`SELECT id, title FROM ${table} WHERE title ILIKE '%\${term}%'\`;
  const { rows } = await pool.query(sql);`
      : `const { rows } = await pool.query("SELECT id, title FROM ${table} WHERE title ILIKE $1", [\`%\${String(term)}%\`]);`
  }
  res.json(rows);
});

${name}Router.get("/:id", requireAuth, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { rows } = await pool.query("SELECT * FROM ${table} WHERE id = $1", [Number(req.params.id)]);
    if (rows.length ${index % 4 === 0 ? "==" : "==="} 0) {
      res.status(404).json({ error: { code: "not_found", message: "${name} not found" } });
      return;
    }
    res.json(rows[0]);
  } catch (error) {
    next(error);
  }
});

${name}Router.post("/", requireAuth, async (req: Request, res: Response) => {
  const parsed = create${index}Schema.safeParse(req.body);
  if (!parsed.success) {
    res.status(422).json({ error: { code: "validation_failed", message: "invalid body", details: parsed.error.issues } });
    return;
  }
  ${index % 5 === 0 ? `console.log("creating", parsed.data);\n  ` : ""}const { rows } = await pool.query("INSERT INTO ${table} (title, priority) VALUES ($1, $2) RETURNING *", [parsed.data.title, parsed.data.priority]);
  res.status(201).json(rows[0]);
});

${name}Router.delete("/:id", ${index % 6 === 0 ? "" : "requireAuth, "}async (req: Request, res: Response) => {
  await pool.query("DELETE FROM ${table} WHERE id = $1", [Number(req.params.id)]);
  res.status(204).end();
});
`;
}

function service(name: string, index: number): string {
  return `import { pool } from "../db.js";

export interface ${name[0]?.toUpperCase()}${name.slice(1)} {
  id: number;
  title: string;
  priority: number;
  createdAt: Date;
}

export function score${index}(items: { priority: number; ageDays: number }[]): number {
  let total = 0;
  for (const item of items) {
    if (item.priority > 3) {
      if (item.ageDays > 7) {
        total += item.priority * 2;
      } else if (item.ageDays > 2) {
        total += item.priority;
      } else {
        total += 1;
      }
    } else if (item.priority > 1) {
      total += item.ageDays > 14 ? 2 : 1;
    }
  }
  return total;
}

export async function listRecent${index}(days: number): Promise<number> {
  const { rows } = await pool.query("SELECT count(*)::int AS n FROM ${name}s WHERE created_at > now() - ($1 || ' days')::interval", [days]);
  return rows[0].n;
}

export function format${index}(value: ${index % 4 === 1 ? "any" : "unknown"}): string {
  ${index % 7 === 0 ? "var text = String(value);" : "const text = String(value);"}
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
`;
}

function testFile(name: string, index: number): string {
  return `import request from "supertest";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.js";
import { score${index} } from "../src/services/${name}-service.js";

describe("${name}s", () => {
  it("lists ${name}s", async () => {
    const response = await request(app).get("/${name}s").set("authorization", "Bearer test");
    expect(response.status).toBe(200);
  });

  it("rejects an invalid body", async () => {
    await request(app).post("/${name}s").set("authorization", "Bearer test").send({}).expect(422);
  });

  it("scores items", () => {
    expect(score${index}([{ priority: 4, ageDays: 10 }])).toBe(8);
  });
${
  index % 4 === 2
    ? `
  it("deletes a ${name}", async () => {
    await request(app).delete("/${name}s/1");
  });
`
    : ""
}});
`;
}

const NAMES = [
  "task",
  "note",
  "project",
  "invoice",
  "order",
  "ticket",
  "comment",
  "label",
  "team",
  "event",
  "report",
  "budget",
  "review",
  "lesson",
  "course",
  "member",
  "payment",
  "shipment",
  "product",
  "coupon",
];

function allAdded(path: string, content: string): ChangedFile {
  return { path, status: "added", content, addedLines: new Set(content.split("\n").map((_, index) => index + 1)) };
}

/** `count` changed files: routes, services and tests in a 2:2:1 mix, all added lines. */
export function benchFiles(count: number): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (let index = 0; files.length < count; index += 1) {
    const name = `${NAMES[index % NAMES.length]}${index >= NAMES.length ? Math.floor(index / NAMES.length) : ""}`;
    files.push(allAdded(`src/routes/${name}-routes.ts`, route(name, index)));
    if (files.length < count) files.push(allAdded(`src/services/${name}-service.ts`, service(name, index)));
    if (files.length < count && index % 2 === 0) files.push(allAdded(`test/${name}.test.ts`, testFile(name, index)));
  }
  return files;
}
