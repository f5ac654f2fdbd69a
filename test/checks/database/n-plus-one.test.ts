import { nPlusOneCheck } from "../../../src/checks/database/n-plus-one.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("n-plus-one", nPlusOneCheck.rule, {
  valid: [
    `const { rows } = await pool.query("SELECT id, title FROM books WHERE author_id = ANY($1)", [authors.map((a) => a.id)]);`,
    `for (const file of files) { await client.query(readFileSync(file, "utf8")); }`,
    `for (const file of migrationFiles) { await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]); }`,
    `for (const author of authors) { console.log(author.name); }`,
    {
      code: `for (const name of pending) { await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]); }`,
      filename: "src/db/migrate.ts",
    },
    `const names = rows.map((row) => row.name.toUpperCase());`,
    `for (const author of authors) { await pool.query("SELECT now()"); }`,
    `const users = await prisma.user.findMany({ where: { id: { in: ids } }, include: { posts: true } });`,
    `items.forEach((item) => cache.delete(item.key));`,
  ],
  invalid: [
    {
      code: `for (const author of authors) { const { rows } = await pool.query("SELECT * FROM books WHERE author_id = $1", [author.id]); author.books = rows; }`,
      errors: [{ messageId: "queryInLoop" }],
    },
    {
      code: `const books = await Promise.all(authors.map((author) => db.query("SELECT * FROM books WHERE author_id = $1", [author.id])));`,
      errors: [{ messageId: "queryInLoop" }],
    },
    {
      code: `const posts = await Promise.all(users.map(async ({ id }) => prisma.post.findMany({ where: { authorId: id } })));`,
      errors: [{ messageId: "queryInLoop" }],
    },
    {
      code: `for (let i = 0; i < rows.length; i++) { await Book.findByPk(rows[i].bookId); }`,
      errors: [{ messageId: "queryInLoop" }],
    },
    {
      code: `for (const item of order.items) { await client.query(\`INSERT INTO order_items (order_id, book_id) VALUES ($1, \${item.bookId})\`, [orderId]); }`,
      errors: [{ messageId: "queryInLoop" }],
    },
  ],
});
