import { describe, expect, it } from "vitest";
import { codeInHint } from "../../src/scaffold/code-in-hint.js";

describe("codeInHint", () => {
  it("lets a hint name files, functions, columns, packages and commands", () => {
    for (const text of [
      "Open `coverage/index.html` in a browser.",
      "`performance.now()` measures durations; `Date.now()` can jump.",
      "Pass `req.log` to the wrapper, or use `AsyncLocalStorage`.",
      "Run `npm run explain -- --from 2025-01 --to 2025-01` and compare the `Seq Scan` with the `Index Scan`.",
      "`lru-cache` has a size limit; `express-rate-limit` has a `handler` option.",
      "Look at the `status` and `due_date` columns, and at `EXPLAIN (ANALYZE, BUFFERS)`.",
      "Read the documentation of `ALTER TABLE` and of `CREATE INDEX CONCURRENTLY`.",
      "An UPDATE whose WHERE clause names the allowed statuses changes no row when the move is forbidden.",
    ]) {
      expect(codeInHint(text), text).toBeUndefined();
    }
  });

  it("finds SQL statements and clauses, expressions, calls with arguments and code blocks", () => {
    expect(codeInHint("Try `UPDATE tasks SET status = $2 WHERE id = $1`.")).toBe(
      "`UPDATE tasks SET status = $2 WHERE id = $1`",
    );
    expect(codeInHint("An index `ON notes (owner_id, created_at DESC)`.")).toBe(
      "`ON notes (owner_id, created_at DESC)`",
    );
    expect(codeInHint("A partial index (`WHERE status = 'placed'`).")).toBe("`WHERE status = 'placed'`");
    expect(codeInHint("Count with `failed_logins + 1`, as in `failed = failed + 1`.")).toBe("`failed = failed + 1`");
    expect(codeInHint("`crypto.randomBytes(32).toString('base64url')` makes a token.")).toBe(
      "`crypto.randomBytes(32).toString('base64url')`",
    );
    expect(codeInHint("Wrap it: `(db) => ({ ...db })`.")).toBe("`(db) => ({ ...db })`");
    expect(codeInHint("Like this:\n\n```ts\nconst a = 1;\n```")).toBe("a fenced code block");
  });
});
