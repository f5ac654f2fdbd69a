import { describe, expect, it } from "vitest";
import type { CheckContext, SourceFile } from "../../../src/contract/check.js";
import type { ChangeStatus, RelatedFile } from "../../../src/contract/types.js";
import { columnUnindexedCheck } from "../../../src/checks/database/column-unindexed.js";
import { fkWithoutIndexCheck } from "../../../src/checks/database/fk-without-index.js";
import { migrationEditedCheck } from "../../../src/checks/database/migration-edited.js";
import { readSchema } from "../../../src/checks/database/migration-schema.js";
import { notNullWithoutDefaultCheck } from "../../../src/checks/database/not-null-without-default.js";

function file(path: string, content: string, status: ChangeStatus = "added"): SourceFile {
  const lines = content.split("\n").map((_, index) => index + 1);
  return {
    path,
    content,
    status,
    language: path.endsWith(".sql") ? "text" : "js",
    addedLines: new Set(status === "added" ? lines : [2]),
  };
}

function context(files: SourceFile[], relatedFiles: RelatedFile[] = []): CheckContext {
  return { files, relatedFiles, repoPaths: [...files, ...relatedFiles].map((entry) => entry.path), options: {} };
}

const USERS =
  "CREATE TABLE users (\n  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  email text NOT NULL UNIQUE\n);\n";

describe("migration schema (pgsql-ast-parser)", () => {
  it("reads tables, indexes, foreign keys and lines, and skips a statement it cannot read", () => {
    const schema = readSchema([
      { path: "migrations/001_users.sql", content: USERS },
      {
        path: "migrations/002_notes.sql",
        content:
          "-- notes\nCREATE TABLE notes (\n  id serial PRIMARY KEY,\n  owner_id integer NOT NULL REFERENCES users (id)\n);\nCREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.x := 1; RETURN NEW; END; $$ LANGUAGE plpgsql;\nCREATE INDEX notes_owner_idx ON notes (owner_id, id);\n",
      },
    ]);
    expect([...schema.tables.keys()]).toEqual(["users", "notes"]);
    expect(schema.foreignKeys).toEqual([
      { path: "migrations/002_notes.sql", line: 2, table: "notes", column: "owner_id", references: "users" },
    ]);
    expect(schema.indexes.map((index) => `${index.table}.${index.leading}`)).toEqual([
      "users.id",
      "users.email",
      "notes.id",
      "notes.owner_id",
    ]);
    expect(schema.indexes.at(-1)?.line).toBe(7);
  });
});

describe("fk-without-index", () => {
  it("reports a foreign key with no index, in the changed migration", () => {
    const findings = fkWithoutIndexCheck.run(
      context(
        [
          file(
            "migrations/002_notes.sql",
            "CREATE TABLE notes (\n  id serial PRIMARY KEY,\n  owner_id integer REFERENCES users (id)\n);\n",
          ),
        ],
        [{ path: "migrations/001_users.sql", content: USERS }],
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: "missingIndex", path: "migrations/002_notes.sql", line: 1 });
    expect(findings[0]?.message).toContain("CREATE INDEX notes_owner_id_idx ON notes (owner_id);");
  });

  it("reports ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY too", () => {
    const sql =
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);";
    expect(fkWithoutIndexCheck.run(context([file("db/migrations/003.sql", sql)]))).toHaveLength(1);
  });

  it("praises the index added with its foreign key and stays quiet on unchanged migrations", () => {
    const sql =
      "CREATE TABLE notes (id serial PRIMARY KEY, owner_id integer REFERENCES users (id));\nCREATE INDEX notes_owner_id_idx ON notes (owner_id);\n";
    expect(fkWithoutIndexCheck.run(context([file("migrations/002_notes.sql", sql)]))).toEqual([
      expect.objectContaining({ messageId: "indexedKey", level: "celebratory", line: 2 }),
    ]);
    expect(
      fkWithoutIndexCheck.run(
        context(
          [],
          [
            {
              path: "migrations/002_notes.sql",
              content: "CREATE TABLE notes (owner_id integer REFERENCES users (id));",
            },
          ],
        ),
      ),
    ).toEqual([]);
  });

  it("stays quiet on MySQL and MariaDB, which index foreign-key columns themselves", () => {
    const links =
      "CREATE TABLE notes_tags (note_id INT NOT NULL, tag_id INT NOT NULL, PRIMARY KEY (note_id, tag_id), FOREIGN KEY (tag_id) REFERENCES tags(id));";
    const mysqlTags = {
      path: "migrations/001_tags.sql",
      content: "CREATE TABLE tags (id INT AUTO_INCREMENT PRIMARY KEY);",
    };
    expect(fkWithoutIndexCheck.run(context([file("migrations/002_links.sql", links)], [mysqlTags]))).toEqual([]);
    const mysqlPackage = file("package.json", '{ "dependencies": { "mysql2": "^3.0.0" } }');
    expect(fkWithoutIndexCheck.run(context([file("migrations/002_links.sql", links), mysqlPackage]))).toEqual([]);
    expect(fkWithoutIndexCheck.run(context([file("migrations/002_links.sql", links)]))).toHaveLength(1);
  });

  it("counts a primary key that starts with the column as its index", () => {
    const sql =
      "CREATE TABLE order_items (order_id integer REFERENCES orders (id), book_id integer, PRIMARY KEY (order_id, book_id));";
    expect(fkWithoutIndexCheck.run(context([file("migrations/004.sql", sql)]))).toEqual([]);
  });
});

describe("not-null-without-default", () => {
  const base = { path: "migrations/001_users.sql", content: USERS };
  it("reports NOT NULL added to an existing table without a default", () => {
    const findings = notNullWithoutDefaultCheck.run(
      context([file("migrations/002_nickname.sql", "ALTER TABLE users ADD COLUMN nickname text NOT NULL;")], [base]),
    );
    expect(findings).toEqual([expect.objectContaining({ messageId: "addColumn", line: 1 })]);
    const set = notNullWithoutDefaultCheck.run(
      context([file("migrations/003.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")], [base]),
    );
    expect(set).toEqual([expect.objectContaining({ messageId: "setNotNull" })]);
  });

  it("is quiet with a default, a backfill, or a table created in the same file", () => {
    for (const sql of [
      "ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT '';",
      "UPDATE users SET email = '' WHERE email IS NULL;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      "CREATE TABLE tags (id serial PRIMARY KEY);\nALTER TABLE tags ADD COLUMN name text NOT NULL;",
      "ALTER TABLE users ADD COLUMN nickname text;",
    ]) {
      expect(notNullWithoutDefaultCheck.run(context([file("migrations/002.sql", sql)], [base])), sql).toEqual([]);
    }
  });
});

describe("migration-edited", () => {
  it("reports a migration modified in the change, not a new one or other files", () => {
    const edited = migrationEditedCheck.run(context([file("migrations/001_users.sql", USERS, "modified")]));
    expect(edited).toEqual([expect.objectContaining({ messageId: "edited", line: 2, scope: "file" })]);
    expect(
      migrationEditedCheck.run(
        context([file("migrations/002_new.sql", USERS, "added"), file("src/users.ts", "export {};", "modified")]),
      ),
    ).toEqual([]);
  });
});

describe("column-unindexed", () => {
  const catalog = {
    path: "migrations/001_orders.sql",
    content:
      "CREATE TABLE orders (id serial PRIMARY KEY, customer_id integer, status text, placed_at timestamptz);\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n",
  };

  it("reports a WHERE or ORDER BY on columns no index starts with, at the query's line", () => {
    const code =
      "import { pool } from \"./db\";\nexport const report = (from) => pool.query(`\n  SELECT o.id FROM orders o\n  WHERE o.placed_at >= $1 AND o.status = 'placed'`, [from]);\n";
    const findings = columnUnindexedCheck.run(context([file("src/report.ts", code)], [catalog]));
    expect(findings).toEqual([expect.objectContaining({ messageId: "unindexed", line: 2 })]);
    expect(findings[0]?.message).toContain("orders.placed_at");
    const sorted = columnUnindexedCheck.run(
      context(
        [file("src/list.ts", 'pool.query("SELECT id FROM orders ORDER BY placed_at DESC LIMIT 20");')],
        [catalog],
      ),
    );
    expect(sorted).toHaveLength(1);
  });

  it("is quiet when an index serves the query, when the table is unknown, and in tests", () => {
    for (const code of [
      'pool.query("SELECT id FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC", [id]);',
      'pool.query("SELECT id FROM orders WHERE id = $1", [id]);',
      'pool.query("SELECT id FROM invoices WHERE due_at < now()");',
      'const label = "WHERE are you";',
    ]) {
      expect(columnUnindexedCheck.run(context([file("src/orders.ts", code)], [catalog])), code).toEqual([]);
    }
    expect(
      columnUnindexedCheck.run(
        context([file("test/orders.test.ts", 'pool.query("SELECT id FROM orders WHERE status = $1");')], [catalog]),
      ),
    ).toEqual([]);
  });
});

describe("column-unindexed on a report with a CTE", () => {
  it("reads the WHERE inside WITH ... AS (...)", () => {
    const schema = {
      path: "migrations/001.sql",
      content:
        "CREATE TABLE orders (id serial PRIMARY KEY, status text, placed_at timestamptz);\nCREATE TABLE order_items (order_id integer REFERENCES orders (id), book_id integer, quantity integer, PRIMARY KEY (order_id, book_id));\n",
    };
    const code =
      "export const SQL = `\nWITH monthly AS (\n  SELECT to_char(date_trunc('month', o.placed_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, sum(oi.quantity)::int AS copies\n  FROM orders o JOIN order_items oi ON oi.order_id = o.id\n  WHERE o.status = 'placed' AND o.placed_at >= $1\n  GROUP BY 1\n)\nSELECT month, copies FROM monthly ORDER BY month`;\n";
    const findings = columnUnindexedCheck.run(context([file("src/reports/best-sellers.ts", code)], [schema]));
    expect(findings).toEqual([expect.objectContaining({ messageId: "unindexed", line: 1 })]);
    expect(findings[0]?.message).toMatch(/orders\.(status|placed_at)/);
  });
});
