/** RuleTester tests for the taint rules' messages, locations and suggested fixes. */
import { describe, expect, it } from "vitest";
import type { EslintCheck } from "../../../../src/contract/check.js";
import { taintChecks } from "../../../../src/checks/security/taint/index.js";
import { traceFromMessage } from "../../../../src/checks/security/taint/taint-messages.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { lintWithTaintRules } from "./lint-with-taint-rules.js";

function rule(id: string) {
  const check = taintChecks.find(
    (candidate): candidate is EslintCheck => candidate.id === id && candidate.kind === "eslint",
  );
  if (!check) throw new Error(`no eslint check ${id}`);
  return check.rule;
}

ruleTester.run("sql-injection", rule("sql-injection"), {
  valid: [
    'app.get("/u/:id", async (req, res) => { await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]); });',
    'app.get("/u", async (req, res) => { await pool.query(`SELECT * FROM users WHERE id = ${Number(req.query.id)}`); });',
  ],
  invalid: [
    {
      code: "app.get(\"/u/:id\", async (req, res) => {\n  await pool.query(`SELECT * FROM users WHERE id = '${req.params.id}'`);\n});",
      errors: [
        {
          messageId: "sql-injection",
          line: 2,
          suggestions: [
            {
              messageId: "fix",
              output:
                'app.get("/u/:id", async (req, res) => {\n  await pool.query(`SELECT * FROM users WHERE id = $1`, [req.params.id]);\n});',
            },
          ],
        },
      ],
    },
    {
      code: 'import mysql from "mysql2";\napp.get("/p", (req, res) => {\n  const { name, kind } = req.query;\n  db.query(`SELECT * FROM p WHERE name = \'${name}\' AND kind = ${kind}`, (e, rows) => res.json(rows));\n});',
      errors: [
        {
          messageId: "sql-injection",
          line: 4,
          suggestions: [
            {
              messageId: "fix",
              output:
                'import mysql from "mysql2";\napp.get("/p", (req, res) => {\n  const { name, kind } = req.query;\n  db.query(`SELECT * FROM p WHERE name = ? AND kind = ?`, [name, kind], (e, rows) => res.json(rows));\n});',
            },
          ],
        },
      ],
    },
    {
      // LIKE '%${q}%' has no mechanical fix: the finding comes without a suggestion.
      code: "app.get(\"/s\", async (req, res) => { await pool.query(`SELECT * FROM t WHERE name LIKE '%${req.query.q}%'`); });",
      errors: [{ messageId: "sql-injection", suggestions: [] }],
    },
  ],
});

ruleTester.run("command-injection", rule("command-injection"), {
  valid: [
    'import { execFile } from "child_process";\napp.get("/p", (req) => execFile("ping", ["-c", "1", req.query.host]));',
  ],
  invalid: [
    {
      code: 'import { exec } from "child_process";\napp.get("/p", (req) => exec("ping " + req.query.host));',
      errors: [{ messageId: "command-injection", line: 2 }],
    },
  ],
});

ruleTester.run("open-redirect", rule("open-redirect"), {
  valid: [
    'app.get("/r", (req, res) => res.redirect("/users/" + req.query.id));',
    // Back to the page the user came from: the browser sets the Referer.
    'app.post("/logout", (req, res) => res.redirect(req.get("Referrer") || "/"));',
    'app.post("/theme", (req, res) => { const back = req.headers.referer; res.redirect(back ?? "/"); });',
  ],
  invalid: [
    { code: 'app.get("/r", (req, res) => res.redirect(req.query.next));', errors: [{ messageId: "open-redirect" }] },
    // Another header is the client's to choose.
    {
      code: 'app.get("/r", (req, res) => res.redirect(req.get("X-Return-To") || "/"));',
      errors: [{ messageId: "open-redirect" }],
    },
  ],
});

ruleTester.run("mass-assignment", rule("mass-assignment"), {
  valid: ['app.post("/u", async (req) => { const { name } = req.body; await User.create({ name }); });'],
  invalid: [
    {
      code: 'app.post("/u", async (req) => { await User.create(req.body); });',
      errors: [{ messageId: "mass-assignment" }],
    },
  ],
});

ruleTester.run("nosql-injection", rule("nosql-injection"), {
  valid: [
    'app.post("/l", async (req) => { await User.findOne({ email: String(req.body.email) }); });',
    // $eq compares with the value as it is, even an object such as { "$ne": null }.
    'app.post("/l", async (req) => { await User.findOne({ email: { $eq: req.body.email } }); });',
  ],
  invalid: [
    {
      code: 'app.post("/l", async (req) => {\n  await User.findOne({ email: req.body.email });\n});',
      errors: [{ messageId: "nosql-injection", line: 2 }],
    },
    {
      code: 'app.post("/l", async (req) => {\n  await User.findOne({ email: { $eq: req.body.email }, role: req.body.role });\n});',
      errors: [{ messageId: "nosql-injection", line: 2 }],
    },
  ],
});

ruleTester.run("code-injection", rule("code-injection"), {
  valid: ['app.post("/c", (req, res) => res.json(JSON.parse(req.body.json)));'],
  invalid: [
    {
      code: 'app.post("/c", (req, res) => res.json(eval(req.body.expression)));',
      errors: [{ messageId: "code-injection" }],
    },
  ],
});

ruleTester.run("xss", rule("xss"), {
  valid: ['app.get("/h", (req, res) => res.json({ name: req.query.name }));'],
  invalid: [
    {
      code: 'app.get("/h", (req, res) => res.send("<h1>" + req.query.name + "</h1>"));',
      errors: [{ messageId: "xss" }],
    },
  ],
});

ruleTester.run("path-traversal", rule("path-traversal"), {
  valid: [
    'import fs from "fs";\nimport path from "path";\napp.get("/f", (req) => fs.readFile(path.join("docs", path.basename(req.query.name)), () => {}));',
  ],
  invalid: [
    {
      code: 'import fs from "fs";\napp.get("/f", (req) => fs.readFile("docs/" + req.query.name, () => {}));',
      errors: [{ messageId: "path-traversal", line: 2 }],
    },
  ],
});

ruleTester.run("ssrf", rule("ssrf"), {
  valid: ['app.get("/w", async (req) => fetch(`https://api.example.com/v1/${encodeURIComponent(req.query.city)}`));'],
  invalid: [{ code: 'app.get("/w", async (req) => fetch(req.query.url));', errors: [{ messageId: "ssrf" }] }],
});

ruleTester.run("prototype-pollution", rule("prototype-pollution"), {
  valid: ['const prefs = new Map();\napp.post("/p", (req) => prefs.set(req.body.key, req.body.value));'],
  invalid: [
    {
      code: 'const prefs = {};\napp.post("/p", (req) => { prefs[req.body.key] = req.body.value; });',
      errors: [{ messageId: "prototype-pollution", line: 2 }],
    },
  ],
});

ruleTester.run("regex-dos", rule("regex-dos"), {
  valid: ['app.get("/s", (req) => /^[a-z]+$/.test(req.query.q));'],
  invalid: [
    { code: 'app.get("/s", (req) => new RegExp(req.query.q));', errors: [{ messageId: "regex-dos" }] },
    { code: 'app.get("/s", (req) => /^(\\w+\\s?)*$/.test(req.query.q));', errors: [{ messageId: "regex-dos" }] },
  ],
});

describe("taint messages", () => {
  const [result] = lintWithTaintRules(
    'app.get("/f", (req, res) => {\n  const name = req.query.file;\n  fs.readFile("./files/" + name, () => {});\n});',
  );

  it("say what to do, the flow from source to sink, and why", () => {
    expect(result?.category).toBe("path-traversal");
    expect(result?.message).toMatch(/^Keep the file name inside its folder/);
    expect(traceFromMessage(result?.message ?? "")).toBe("req.query.file -> name -> file path of fs.readFile()");
    expect(result?.message).toMatch(/`\.\.\/\.\.\/etc\/passwd`/);
  });

  it("never say 'just' or 'simply'", () => {
    for (const check of taintChecks) {
      const messages = check.kind === "eslint" ? JSON.stringify(lintWithTaintRules("eval(location.hash)")) : "";
      expect(messages, check.id).not.toMatch(/\b(just|simply)\b/i);
    }
  });

  it("do not crash on code the analysis does not understand", () => {
    expect(() =>
      lintWithTaintRules(
        "const a = (b) => b?.c?.[d]?.(...e);\nclass X { #p = 1; static { this.q = 2; } }\nfor (const [k, { v = 1 }] of m) k[v] = q;",
      ),
    ).not.toThrow();
  });
});
