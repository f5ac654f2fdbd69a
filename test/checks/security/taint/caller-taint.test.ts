/** Parameters of module-level helpers (DAO/repository functions other files call) as a taint source for code-building sinks. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string, path = "src/repositories/books.ts") => [...findingLabels(path, code)];

describe("taint: parameters of helpers called from other files", () => {
  it("reports a repository function that splices its parameter into SQL text", () => {
    const code =
      "export function searchBooks(title: string) {\n  return query(`SELECT * FROM books WHERE title ILIKE '%${title}%'`);\n}\n";
    expect(labels(code)).toEqual(["sql-injection:2"]);
  });

  it("reports a $where built from a DAO method's parameter (constructor-function style)", () => {
    const code =
      "function Dao(db) {\n  this.find = (threshold, cb) => {\n    db.collection('a').find({ $where: `this.stocks > ${threshold}` }).toArray(cb);\n  };\n}\nmodule.exports = Dao;\n";
    expect(labels(code, "app/data/dao.js")).toEqual(["nosql-injection:3"]);
  });

  it("stays quiet for a query wrapper, a numeric parameter, a parameterised query and a filter value", () => {
    expect(
      labels("export function query(text: string, params: unknown[]) {\n  return pool.query(text, params);\n}\n"),
    ).toEqual([]);
    expect(
      labels("export function page(limit: number) {\n  return pool.query(`SELECT * FROM books LIMIT ${limit}`);\n}\n"),
    ).toEqual([]);
    expect(
      labels(
        "export function byTitle(title) {\n  return pool.query('SELECT * FROM books WHERE title = $1', [title]);\n}\n",
        "src/db.js",
      ),
    ).toEqual([]);
    expect(
      labels("exports.byName = function (name) {\n  return users.findOne({ name: name });\n};\n", "src/dao.js"),
    ).toEqual([]);
  });

  it("does not treat callbacks or locally called helpers' parameters as input", () => {
    expect(labels("const rows = ids.map((id) => db.query(`SELECT * FROM t WHERE id = ${id}`));\n", "src/x.js")).toEqual(
      [],
    );
    expect(
      labels("function byId(id) {\n  return db.query(`SELECT * FROM t WHERE id = ${id}`);\n}\nbyId(42);\n", "src/x.js"),
    ).toEqual([]);
  });
});
