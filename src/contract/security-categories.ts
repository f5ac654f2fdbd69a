/**
 * The security categories: one row each, and every list of categories in the code is derived from this table
 * (the SARIF severity and CWE tags, the taint checks, their wording and their sink matchers). A security
 * finding carries exactly one of these ids.
 *
 * A new category is one row here; a taint category (a row with `taint`) also needs its sink matcher in
 * src/checks/security/taint/sinks/, registered in `SINK_MATCHERS` (a missing one is a compile error).
 */
import type { Level } from "./levels.js";

/** What a taint check says: its level and description, and the learner's wording (what to do, then why). */
export interface TaintCategorySpec {
  defaultLevel: Level;
  /** One line, shown in `--list-checks` and in docs. */
  description: string;
  /** What to do, in the imperative. */
  fix: string;
  /** Why it matters, one sentence. */
  why: string;
}

export interface SecurityCategoryRow {
  /** The weakness's usual name, for people. */
  title: string;
  /** The CWE entry that describes the weakness (SARIF `external/cwe/cwe-NNN` tags). */
  cwe: number;
  /** CVSS-like score from 0.0 to 10.0, the usual base score in a web back end (SARIF `security-severity`). */
  severity: number;
  /** Present when the category is found by the shared taint analysis: one check per such row. */
  taint?: TaintCategorySpec;
}

export const SECURITY_CATEGORY_TABLE = {
  "sql-injection": {
    title: "SQL injection",
    cwe: 89,
    severity: 8.8,
    taint: {
      defaultLevel: "essential",
      description:
        "Finds request input written into SQL text (pg, mysql2, sqlite, knex, Sequelize, TypeORM, Prisma raw).",
      fix: "Pass the input as a query parameter (a `$1` or `?` placeholder plus a values array) instead of building SQL text from it",
      why: "Input written into SQL text can change what the query does, for example `' OR 1=1 --` returns every row.",
    },
  },
  "nosql-injection": {
    title: "NoSQL injection",
    cwe: 943,
    severity: 8.8,
    taint: {
      defaultLevel: "essential",
      description:
        "Finds request values that may be objects used as MongoDB/mongoose filters, and input in $where or $regex.",
      fix: "Turn the input into a plain string or number before it goes into the filter (`String(x)`, a schema validator, or express-mongo-sanitize)",
      why: 'A request can send an object such as `{ "$ne": null }` instead of a string, which turns the filter into a query operator and can skip a password check.',
    },
  },
  "command-injection": {
    title: "Command injection",
    cwe: 78,
    severity: 9.8,
    taint: {
      defaultLevel: "essential",
      description: "Finds input reaching a shell command (child_process exec, spawn with shell, execa, shelljs).",
      fix: "Run the program with `execFile`/`spawn` and an arguments array (no shell), and check the input against an allow-list",
      why: "A shell reads characters such as `;`, `|` and `$( )` in the input as new commands, so a request can run anything on the server.",
    },
  },
  "code-injection": {
    title: "Code injection",
    cwe: 94,
    severity: 9.8,
    taint: {
      defaultLevel: "essential",
      description:
        "Finds input run as code by eval, new Function, string timers, vm/vm2, a headless browser's evaluate, or compiled as a server-side template.",
      fix: "Never run input as code: parse it as data (`JSON.parse`, a lookup table of allowed operations) instead",
      why: "`eval`, `new Function` and the `vm` module run whatever text they get, with the server's permissions.",
    },
  },
  xss: {
    title: "Cross-site scripting (XSS)",
    cwe: 79,
    severity: 6.1,
    taint: {
      defaultLevel: "essential",
      description:
        "Finds input written into HTML responses, DOM and jQuery sinks, React href/dangerouslySetInnerHTML or Angular bypassSecurityTrust*.",
      fix: "Escape the input for HTML before it reaches the page (a template's escaping output, `escape-html`, or `textContent` in the browser)",
      why: "Input written into HTML unescaped can add a `<script>` that runs in other users' browsers and steals their sessions.",
    },
  },
  "path-traversal": {
    title: "Path traversal",
    cwe: 22,
    severity: 7.5,
    taint: {
      defaultLevel: "essential",
      description: "Finds input used as a file path by fs or res.sendFile without a basename or root check.",
      fix: "Keep the file name inside its folder: use `path.basename(name)`, or resolve the path and check it still starts with the folder (or pass `{ root }` to `sendFile`)",
      why: "A name such as `../../etc/passwd` walks out of the folder you meant, to any file the server can read or write.",
    },
  },
  "hardcoded-secret": { title: "Hard-coded secret", cwe: 798, severity: 7.5 },
  "weak-crypto": { title: "Weak cryptography", cwe: 327, severity: 5.9 },
  "insecure-random": { title: "Insecure randomness", cwe: 338, severity: 5.3 },
  "open-redirect": {
    title: "Open redirect",
    cwe: 601,
    severity: 6.1,
    taint: {
      defaultLevel: "actionable",
      description: "Finds redirects whose destination comes from the request.",
      fix: "Redirect only to a same-site path (starts with `/` but not `//`) or to a host from an allow-list",
      why: "A link to your site that bounces to an attacker's page borrows your site's trust for phishing.",
    },
  },
  ssrf: {
    title: "Server-side request forgery (SSRF)",
    cwe: 918,
    severity: 8.6,
    taint: {
      defaultLevel: "essential",
      description:
        "Finds outgoing HTTP requests, and headless-browser pages, whose host, URL or HTML comes from the request.",
      fix: "Build the URL from a fixed origin, or parse it with `new URL()` and check its `hostname` against an allow-list before the request",
      why: "Input that picks the host lets a request reach internal services and cloud metadata endpoints the server can see but the attacker cannot.",
    },
  },
  "cors-misconfig": { title: "CORS misconfiguration", cwe: 942, severity: 5.3 },
  "jwt-misuse": { title: "JWT misuse", cwe: 347, severity: 7.4 },
  "prototype-pollution": {
    title: "Prototype pollution",
    cwe: 1321,
    severity: 7.3,
    taint: {
      defaultLevel: "actionable",
      description: "Finds input keys written into objects, and deep merges or path setters fed with request input.",
      fix: "Refuse the keys `__proto__`, `constructor` and `prototype` (or build the object with `Object.create(null)` or a `Map`) before copying input into an object",
      why: "A key like `__proto__` changes the prototype every object shares, which can switch on `isAdmin` everywhere or crash the server.",
    },
  },
  "regex-dos": {
    title: "Regular expression denial of service (ReDoS)",
    cwe: 1333,
    severity: 5.3,
    taint: {
      defaultLevel: "actionable",
      description: "Finds regular expressions built from input, and catastrophic patterns run on input.",
      fix: "Escape input before putting it in a pattern (`escapeRegExp`), and avoid nested quantifiers such as `(a+)+` in patterns that read input",
      why: "Some patterns take exponential time on crafted input, and one slow match blocks Node's single thread for every user.",
    },
  },
  "insecure-cookie": { title: "Insecure cookie", cwe: 614, severity: 4.3 },
  "tls-disabled": { title: "TLS verification disabled", cwe: 295, severity: 7.4 },
  "mass-assignment": {
    title: "Mass assignment",
    cwe: 915,
    severity: 6.5,
    taint: {
      defaultLevel: "actionable",
      description:
        "Finds the whole request body passed to an ORM create or update, and a role or admin flag from the request written on a create.",
      fix: "Copy only the fields a client may set (destructure them, or use `pick`/a validated DTO) instead of passing the whole request body to the model",
      why: 'A client can add fields you did not expect, such as `role: "admin"` or `isVerified: true`, and the model saves them.',
    },
  },
  "missing-authorization": { title: "Missing authorization", cwe: 862, severity: 8.1 },
  "plaintext-password": { title: "Plaintext password", cwe: 256, severity: 7.5 },
  "error-disclosure": { title: "Error disclosure", cwe: 209, severity: 5.3 },
} as const satisfies Record<string, SecurityCategoryRow>;

type Table = typeof SECURITY_CATEGORY_TABLE;
export type SecurityCategory = keyof Table;
/** The categories whose row has a `taint` spec: each is one taint check, found by one sink matcher. */
export type TaintCategory = {
  [C in SecurityCategory]: Table[C] extends { taint: TaintCategorySpec } ? C : never;
}[SecurityCategory];

/** Every category id, in table order. */
export const SECURITY_CATEGORIES = Object.keys(SECURITY_CATEGORY_TABLE) as readonly SecurityCategory[];

function isTaintCategory(category: SecurityCategory): category is TaintCategory {
  return "taint" in SECURITY_CATEGORY_TABLE[category];
}

/** The taint categories, in table order: the order of the taint checks in the registry. */
export const TAINT_CATEGORIES: readonly TaintCategory[] = SECURITY_CATEGORIES.filter(isTaintCategory);

/** The taint spec of a taint category. */
export function taintSpec(category: TaintCategory): TaintCategorySpec {
  return SECURITY_CATEGORY_TABLE[category].taint;
}
