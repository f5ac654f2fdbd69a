/** Learner-facing wording per category: what to do, then why. Every message ends with the data flow. */
import type { SecurityCategory } from "../../../contract/security-categories.js";

export interface CategoryWording {
  /** What to do, in the imperative. */
  fix: string;
  /** Why it matters, one sentence. */
  why: string;
}

export const TAINT_WORDING: Record<string, CategoryWording> = {
  "sql-injection": {
    fix: "Pass the input as a query parameter (a `$1` or `?` placeholder plus a values array) instead of building SQL text from it",
    why: "Input written into SQL text can change what the query does, for example `' OR 1=1 --` returns every row.",
  },
  "nosql-injection": {
    fix: "Turn the input into a plain string or number before it goes into the filter (`String(x)`, a schema validator, or express-mongo-sanitize)",
    why: "A request can send an object such as `{ \"$ne\": null }` instead of a string, which turns the filter into a query operator and can skip a password check.",
  },
  "command-injection": {
    fix: "Run the program with `execFile`/`spawn` and an arguments array (no shell), and check the input against an allow-list",
    why: "A shell reads characters such as `;`, `|` and `$( )` in the input as new commands, so a request can run anything on the server.",
  },
  "code-injection": {
    fix: "Never run input as code: parse it as data (`JSON.parse`, a lookup table of allowed operations) instead",
    why: "`eval`, `new Function` and the `vm` module run whatever text they get, with the server's permissions.",
  },
  xss: {
    fix: "Escape the input for HTML before it reaches the page (a template's escaping output, `escape-html`, or `textContent` in the browser)",
    why: "Input written into HTML unescaped can add a `<script>` that runs in other users' browsers and steals their sessions.",
  },
  "path-traversal": {
    fix: "Keep the file name inside its folder: use `path.basename(name)`, or resolve the path and check it still starts with the folder (or pass `{ root }` to `sendFile`)",
    why: "A name such as `../../etc/passwd` walks out of the folder you meant, to any file the server can read or write.",
  },
  "open-redirect": {
    fix: "Redirect only to a same-site path (starts with `/` but not `//`) or to a host from an allow-list",
    why: "A link to your site that bounces to an attacker's page borrows your site's trust for phishing.",
  },
  ssrf: {
    fix: "Build the URL from a fixed origin, or parse it with `new URL()` and check its `hostname` against an allow-list before the request",
    why: "Input that picks the host lets a request reach internal services and cloud metadata endpoints the server can see but the attacker cannot.",
  },
  "prototype-pollution": {
    fix: "Refuse the keys `__proto__`, `constructor` and `prototype` (or build the object with `Object.create(null)` or a `Map`) before copying input into an object",
    why: "A key like `__proto__` changes the prototype every object shares, which can switch on `isAdmin` everywhere or crash the server.",
  },
  "regex-dos": {
    fix: "Escape input before putting it in a pattern (`escapeRegExp`), and avoid nested quantifiers such as `(a+)+` in patterns that read input",
    why: "Some patterns take exponential time on crafted input, and one slow match blocks Node's single thread for every user.",
  },
  "mass-assignment": {
    fix: "Copy only the fields a client may set (destructure them, or use `pick`/a validated DTO) instead of passing the whole request body to the model",
    why: "A client can add fields you did not expect, such as `role: \"admin\"` or `isVerified: true`, and the model saves them.",
  },
};

export function wordingFor(category: SecurityCategory): CategoryWording {
  const wording = TAINT_WORDING[category];
  if (!wording) throw new Error(`No wording for taint category ${category}`);
  return wording;
}

/** The full message: what to do, the flow, then why. */
export function taintMessage(category: SecurityCategory, trace: string): string {
  const wording = wordingFor(category);
  return `${wording.fix}. Untrusted input reaches a dangerous call here: ${trace}. ${wording.why}`;
}

/** The data flow out of a message written by taintMessage, for the finding's `trace`. */
export function traceFromMessage(message: string): string | undefined {
  return /dangerous call here: (.+?)\. /.exec(message)?.[1];
}
