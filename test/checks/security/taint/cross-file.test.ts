/** Taint across files: a handler passing input to a function exported by another file of the review, through review(). */
import { describe, expect, it } from "vitest";
import { taintChecks } from "../../../../src/checks/security/taint/index.js";
import { checksById } from "../../../../src/checks/registry.js";
import { repoConfigSchema } from "../../../../src/contract/repo-config.js";
import { rubricSchema } from "../../../../src/contract/rubric-schema.js";
import type { ChangedFile, RelatedFile } from "../../../../src/contract/types.js";
import { review } from "../../../../src/review/review.js";

const rubric = rubricSchema.parse({
  id: "taint-only",
  title: "Taint only",
  criteria: [
    {
      id: "security",
      title: "Security",
      levels: [{ name: "any", min: 0 }],
      checks: taintChecks.map((check) => ({ id: check.id })),
    },
  ],
});

function file(path: string, lines: string[]): ChangedFile {
  const content = lines.join("\n") + "\n";
  return { path, status: "added", content, addedLines: new Set(lines.map((_, index) => index + 1)) };
}

function findings(files: ChangedFile[], relatedFiles: RelatedFile[] = []) {
  const result = review(
    {
      files,
      repoPaths: [...files, ...relatedFiles].map((entry) => entry.path),
      relatedFiles,
      config: repoConfigSchema.parse({ filter: "nofilter" }),
      rubric,
    },
    { registry: checksById },
  );
  return result.findings.map((finding) => ({
    at: `${finding.ruleId}:${finding.path}:${finding.line}`,
    trace: finding.trace ?? "",
    message: finding.message,
  }));
}

const at = (list: ReturnType<typeof findings>) => list.map((finding) => finding.at).sort();

const expressRoute = (importLine: string, body: string[]) => [
  "import express from 'express';",
  importLine,
  "const router = express.Router();",
  "router.get('/items', async (req, res) => {",
  ...body,
  "});",
  "export default router;",
];

describe("taint across two files", () => {
  it("reports a handler passing a query parameter to a helper that builds a file path, at the call, with the helper's sink in the trace", () => {
    const routes = file(
      "src/routes/items.ts",
      expressRoute("import { readManual } from '../lib/manuals';", ["  res.send(await readManual(req.query.name));"]),
    );
    const helper = file("src/lib/manuals.ts", [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'node:path';",
      "export async function readManual(name: string) {",
      "  const file = path.join('/srv/manuals', name);",
      "  return readFile(file, 'utf8');",
      "}",
    ]);
    const result = findings([routes, helper]);
    expect(at(result)).toEqual(["path-traversal:src/routes/items.ts:5"]);
    expect(result[0]?.trace).toBe(
      "req.query.name -> readManual() -> name -> join() -> file -> file path of readFile() at src/lib/manuals.ts:5",
    );
    expect(result[0]?.message).toMatch(
      /^.+\. Untrusted input reaches a dangerous call here: req\.query\.name -> readManual\(\)/,
    );
  });

  it("reports at the handler's call, not in the helper, whether or not the helper's file is under review", () => {
    const routes = file(
      "src/routes/items.ts",
      expressRoute("import { findItems } from '../dao/items';", ["  res.json(await findItems(req.query.name));"]),
    );
    const dao = file("src/dao/items.ts", [
      "import { pool } from './pool';",
      "export async function findItems(name: string) {",
      "  const sql = 'SELECT * FROM items WHERE name = ' + name;",
      "  return (await pool.query(sql)).rows;",
      "}",
    ]);
    // The input enters at the handler: its call carries the finding, and the DAO's own finding is dropped.
    expect(at(findings([routes, dao]))).toEqual(["sql-injection:src/routes/items.ts:5"]);
    // The same when the DAO is not under review (only the handler changed).
    const related = { path: dao.path, content: dao.content ?? "" };
    const alone = findings([routes], [related]);
    expect(at(alone)).toEqual(["sql-injection:src/routes/items.ts:5"]);
    expect(alone[0]?.trace).toBe(
      "req.query.name -> findItems() -> name -> sql -> SQL text in pool.query() at src/dao/items.ts:4",
    );
  });

  it("follows CommonJS exports, a namespace require, a default-exported object and a class instance", () => {
    const dao = file("lib/files.js", [
      "const fs = require('fs');",
      "function readNote(name) {",
      "  return fs.readFileSync('/srv/notes/' + name, 'utf8');",
      "}",
      "module.exports = { readNote };",
    ]);
    const viaRequire = file("lib/routes.js", [
      "const files = require('./files');",
      "const app = require('express')();",
      "app.get('/n', (req, res) => res.send(files.readNote(req.query.f)));",
    ]);
    expect(at(findings([viaRequire, dao]))).toEqual(["path-traversal:lib/routes.js:3"]);

    const page = file("src/page.ts", [
      "export default {",
      "  greet(res, name) {",
      "    res.send(`<h1>Hello ${name}</h1>`);",
      "  },",
      "};",
    ]);
    const caller = file("src/api.ts", [
      "import page from './page.js';",
      "app.get('/hi', (req, res) => {",
      "  page.greet(res, req.query.name);",
      "});",
    ]);
    expect(at(findings([caller, page]))).toEqual(["xss:src/api.ts:3"]);

    const service = file("src/fetcher.ts", [
      "export class Fetcher {",
      "  load(url) {",
      "    return fetch(url);",
      "  }",
      "}",
    ]);
    const handler = file("src/server.ts", [
      "import { Fetcher } from './fetcher';",
      "const fetcher = new Fetcher();",
      "app.post('/preview', async (req, res) => {",
      "  res.json(await fetcher.load(req.body.url));",
      "});",
    ]);
    expect(at(findings([handler, service]))).toEqual(["ssrf:src/server.ts:4"]);
  });

  it("follows a NestJS controller into its injected service", () => {
    const controller = file("src/users/users.controller.ts", [
      "import { Controller, Get, Query } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get()",
      "  search(@Query('name') name) {",
      "    return this.usersService.search(name);",
      "  }",
      "}",
    ]);
    const service = file("src/users/users.service.ts", [
      "import { Injectable } from '@nestjs/common';",
      "import { InjectModel } from '@nestjs/mongoose';",
      "@Injectable()",
      "export class UsersService {",
      "  constructor(@InjectModel('User') private readonly userModel) {}",
      "  search(name) {",
      "    return this.userModel.find({ name });",
      "  }",
      "}",
    ]);
    const result = findings([controller, service]);
    // Not String.prototype.search: the call is judged by what the service does with the value.
    expect(at(result)).toEqual(["nosql-injection:src/users/users.controller.ts:8"]);
    expect(result[0]?.trace).toBe(
      '@Query("name") -> name -> usersService.search() -> name -> filter field "name" of userModel.find() at src/users/users.service.ts:7',
    );
  });

  it("reads a callee from the related files when only the handler changed", () => {
    const routes = file(
      "src/routes/go.ts",
      expressRoute("import { goTo } from '../lib/redirect';", ["  goTo(res, req.query.next);"]),
    );
    const helper = {
      path: "src/lib/redirect.ts",
      content: "export function goTo(res, target) {\n  res.redirect(target);\n}\n",
    };
    expect(at(findings([routes], [helper]))).toEqual(["open-redirect:src/routes/go.ts:5"]);
  });

  it("passes input through a helper that returns it, and not through one that hashes or converts it", () => {
    const util = file("src/util.ts", [
      "import { createHash } from 'node:crypto';",
      "export const tidy = (value: string) => value.trim().toLowerCase();",
      "export const digest = (value: string) => createHash('sha256').update(value).digest('hex');",
      "export function toId(value: string) {",
      "  return Number.parseInt(value, 10);",
      "}",
    ]);
    const routes = file("src/routes.ts", [
      "import { digest, tidy, toId } from './util';",
      "app.get('/a', (req, res) => res.send('<p>' + tidy(req.query.q) + '</p>'));",
      "app.get('/b', (req, res) => res.send('<p>' + digest(req.query.q) + '</p>'));",
      "app.get('/c', (req, res) => db.query('SELECT * FROM t WHERE id = ' + toId(req.params.id)));",
    ]);
    expect(at(findings([routes, util]))).toEqual(["xss:src/routes.ts:2"]);
  });
});

describe("taint across three files", () => {
  it("follows a handler into a service and from there into a storage helper, with the whole flow in the trace", () => {
    const routes = file(
      "src/routes/reports.ts",
      expressRoute("import * as reports from '../services/reports';", [
        "  res.send(await reports.download(req.query.file));",
      ]),
    );
    const service = file("src/services/reports.ts", [
      "import { readStored } from '../storage/files';",
      "export async function download(file) {",
      "  const name = file.trim();",
      "  return readStored(name);",
      "}",
    ]);
    const storage = file("src/storage/files.ts", [
      "import fs from 'node:fs';",
      "export function readStored(name) {",
      "  return fs.promises.readFile(`/var/reports/${name}`);",
      "}",
    ]);
    const result = findings([routes, service, storage]);
    expect(at(result)).toEqual(["path-traversal:src/routes/reports.ts:5"]);
    expect(result[0]?.trace).toBe(
      "req.query.file -> reports.download() -> file -> name -> readStored() -> name -> file path of fs.promises.readFile() at src/storage/files.ts:3",
    );
  });

  it("stops where the middle file cleans the value", () => {
    const routes = file(
      "src/routes/reports.ts",
      expressRoute("import * as reports from '../services/reports';", [
        "  res.send(await reports.download(req.query.file));",
      ]),
    );
    const service = file("src/services/reports.ts", [
      "import path from 'node:path';",
      "import { readStored } from '../storage/files';",
      "export async function download(file) {",
      "  return readStored(path.basename(file));",
      "}",
    ]);
    const storage = file("src/storage/files.ts", [
      "import fs from 'node:fs';",
      "export function readStored(name) {",
      "  return fs.promises.readFile(`/var/reports/${name}`);",
      "}",
    ]);
    expect(at(findings([routes, service, storage]))).toEqual([]);
  });

  it("reports a three-file chain once, at the handler's call, and not in the last file", () => {
    const routes = file(
      "src/routes/orders.ts",
      expressRoute("import * as orders from '../services/orders';", [
        "  res.json(await orders.history(req.query.customer));",
      ]),
    );
    const service = file("src/services/orders.ts", [
      "import { ordersOf } from '../dao/orders';",
      "export async function history(customer) {",
      "  return ordersOf(customer.trim());",
      "}",
    ]);
    const dao = file("src/dao/orders.ts", [
      "import { db } from './db';",
      "export function ordersOf(who) {",
      "  return db.query(`SELECT * FROM orders WHERE customer = '${who}'`);",
      "}",
    ]);
    expect(at(findings([routes, service, dao]))).toEqual(["sql-injection:src/routes/orders.ts:5"]);
  });

  it("keeps the helper's own finding when no handler of the review passes it input", () => {
    const dao = file("src/dao/orders.ts", [
      "import { db } from './db';",
      "export function ordersOf(who) {",
      "  return db.query(`SELECT * FROM orders WHERE customer = '${who}'`);",
      "}",
    ]);
    const job = file("src/jobs/nightly.ts", [
      "import { ordersOf } from '../dao/orders';",
      "export async function nightly() {",
      "  return ordersOf('batch');",
      "}",
    ]);
    expect(at(findings([dao, job]))).toEqual(["sql-injection:src/dao/orders.ts:3"]);
    expect(at(findings([dao]))).toEqual(["sql-injection:src/dao/orders.ts:3"]);
  });
});

describe("no new findings on good code across files", () => {
  it("stays quiet for parameterised queries, validated input, a path guard and constants passed to helpers", () => {
    const dao = file("src/dao/users.ts", [
      "import { pool } from './pool';",
      "export const byEmail = (email: string) => pool.query('SELECT * FROM users WHERE email = $1', [email]);",
      "export function avatar(name: string) {",
      "  const safe = path.basename(name);",
      "  return fs.readFileSync(path.join('/srv/avatars', safe));",
      "}",
      "export function sorted(column: string) {",
      "  return pool.query(`SELECT * FROM users ORDER BY ${column}`);",
      "}",
      "export function sendTo(res, url: string) {",
      "  res.redirect(url);",
      "}",
    ]);
    const routes = file("src/routes/users.ts", [
      "import { avatar, byEmail, sendTo, sorted } from '../dao/users';",
      "app.get('/u', async (req, res) => res.json(await byEmail(req.query.email)));",
      "app.get('/a', (req, res) => res.send(avatar(req.params.name)));",
      "app.get('/s', async (req, res) => res.json(await sorted('created_at')));",
      "app.get('/home', (req, res) => sendTo(res, '/dashboard'));",
      "app.get('/n', (req, res) => sendTo(res, encodeURIComponent(req.query.next)));",
    ]);
    // The DAO's own `sorted` finding (a parameter spliced into SQL) is a single-file finding; nothing crosses over.
    expect(at(findings([routes, dao]))).toEqual(["sql-injection:src/dao/users.ts:8"]);
  });

  it("ignores imports that do not resolve to a file of the review, and files that do not parse", () => {
    const routes = file("src/routes.ts", [
      "import { run } from './missing';",
      "import { go } from './broken';",
      "app.get('/', (req, res) => { run(req.query.a); go(req.query.b); res.end(); });",
    ]);
    const broken = { path: "src/broken.ts", content: "export function go(x) { exec(x) \n" };
    expect(at(findings([routes], [broken]))).toEqual([]);
  });

  it("reports nothing twice when the callee's own file already treats its parameter as a request", () => {
    const controller = file("src/controllers/items.js", [
      "exports.show = (req, res) => {",
      "  res.send('<h1>' + req.query.title + '</h1>');",
      "};",
    ]);
    const routes = file("src/routes.js", [
      "const items = require('./controllers/items');",
      "app.get('/x', (req, res) => items.show(req, res));",
    ]);
    expect(at(findings([routes, controller]))).toEqual(["xss:src/controllers/items.js:2"]);
  });
});

describe("taint through path aliases and barrel files", () => {
  const related = (entry: ChangedFile): RelatedFile => ({ path: entry.path, content: entry.content ?? "" });
  const dao = (path: string) =>
    related(
      file(path, [
        "import { pool } from './pool';",
        "export async function findByName(name: string) {",
        "  return pool.query(`SELECT * FROM users WHERE name = '${name}'`);",
        "}",
      ]),
    );
  const pool = (path: string) => related(file(path, ["import { Pool } from 'pg';", "export const pool = new Pool();"]));

  it("follows an `@/` alias to src/", () => {
    const routes = file(
      "src/routes/users.ts",
      expressRoute("import { findByName } from '@/db/users';", ["  res.json(await findByName(req.query.name));"]),
    );
    expect(at(findings([routes], [dao("src/db/users.ts"), pool("src/db/pool.ts")]))).toEqual([
      "sql-injection:src/routes/users.ts:5",
    ]);
  });

  it("follows a `src/` (baseUrl) import and `export * from` in a barrel index", () => {
    const routes = file(
      "src/routes/users.ts",
      expressRoute("import { findByName } from 'src/db';", ["  res.json(await findByName(req.query.name));"]),
    );
    const barrel = related(file("src/db/index.ts", ["export * from './pool';", "export * from './users';"]));
    expect(at(findings([routes], [barrel, dao("src/db/users.ts"), pool("src/db/pool.ts")]))).toEqual([
      "sql-injection:src/routes/users.ts:5",
    ]);
  });

  it("follows renamed and namespace re-exports, and an import re-exported by name", () => {
    const routes = file(
      "src/routes/users.ts",
      expressRoute("import { db, lookUp, byName } from '../db';", [
        "  res.json(await db.findByName(req.query.a));",
        "  res.json(await lookUp(req.query.b));",
        "  res.json(await byName(req.query.c));",
      ]),
    );
    const barrel = related(
      file("src/db/index.ts", [
        "import { findByName as byName } from './users';",
        "export * as db from './users';",
        "export { findByName as lookUp } from './users';",
        "export { byName };",
      ]),
    );
    expect(at(findings([routes], [barrel, dao("src/db/users.ts"), pool("src/db/pool.ts")]))).toEqual([
      "sql-injection:src/routes/users.ts:5",
      "sql-injection:src/routes/users.ts:6",
      "sql-injection:src/routes/users.ts:7",
    ]);
  });

  it("stays quiet when the barrel's module is parameterised, and never takes a package for a project module", () => {
    const routes = file(
      "src/routes/users.ts",
      expressRoute("import { findByName } from '@/db';\nimport { helper } from '@scope/db';", [
        "  res.json(await findByName(req.query.name));",
        "  res.json(await helper(req.query.name));",
      ]),
    );
    const safe = related(
      file("src/db/users.ts", [
        "import { pool } from './pool';",
        "export async function findByName(name: string) {",
        "  return pool.query('SELECT * FROM users WHERE name = $1', [name]);",
        "}",
      ]),
    );
    const barrel = related(file("src/db/index.ts", ["export * from './users';"]));
    expect(at(findings([routes], [barrel, safe, pool("src/db/pool.ts")]))).toEqual([]);
  });
});

describe("an object literal passed to another file keeps its properties apart", () => {
  const mailer = file("src/lib/mailer.ts", [
    "import { readFile } from 'node:fs/promises';",
    "import Handlebars from 'handlebars';",
    "export async function sendMail({ to, view, data }: { to: string; view: string; data: object }) {",
    "  const source = await readFile(view, 'utf8');",
    "  const html = Handlebars.compile(source)(data);",
    "  return transport.send({ to, html });",
    "}",
  ]);

  it("does not taint a server-chosen template path with the address next to it, nor call its file's content code", () => {
    const routes = file(
      "src/routes/items.ts",
      expressRoute("import { sendMail } from '../lib/mailer';", [
        "  await sendMail({ to: req.query.email, view: 'views/welcome.hbs', data: { name: req.query.name } });",
        "  res.end();",
      ]),
    );
    expect(at(findings([routes, mailer]))).toEqual([]);
  });

  it("still follows the property that carries the input to the sink", () => {
    const routes = file(
      "src/routes/items.ts",
      expressRoute("import { sendMail } from '../lib/mailer';", [
        "  await sendMail({ to: 'ops@example.com', view: req.query.view, data: {} });",
        "  res.end();",
      ]),
    );
    const result = findings([routes, mailer]);
    expect(at(result)).toEqual(["path-traversal:src/routes/items.ts:5"]);
    expect(result[0]?.trace).toContain("req.query.view -> sendMail() -> view");
  });
});
