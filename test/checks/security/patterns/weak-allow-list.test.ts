import { describe, expect, it } from "vitest";
import { weakAllowList } from "../../../../src/checks/security/patterns/weak-allow-list.js";
import { ruleTester } from "../../../helpers/rule-tester.js";

describe("weak-allow-list", () => {
  it("files open-redirect and ssrf findings under their categories", () => {
    expect(weakAllowList.categoryByMessageId).toEqual({ redirect: "open-redirect", request: "ssrf" });
  });

  ruleTester.run("weak-allow-list", weakAllowList.rule, {
    valid: [
      // Exact host names after parsing: the safe way.
      {
        code: `const ALLOWED_HOSTS = ["example.com", "app.example.com"];
app.get("/go", (req, res) => {
  const url = new URL(req.query.url, "https://example.com");
  if (ALLOWED_HOSTS.includes(url.hostname)) return res.redirect(url.toString());
  res.redirect("/");
});`,
      },
      // A prefix that ends with the path's slash does not let "example.com.evil.test" through.
      {
        code: `app.get("/go", (req, res) => {
  const next = String(req.query.next);
  if (next.startsWith("https://example.com/")) return res.redirect(next);
  res.redirect("/");
});`,
      },
      // A leading dot: "evilexample.com" does not end with ".example.com".
      {
        code: `export async function preview(req, res) {
  const { hostname } = new URL(req.body.url);
  if (!hostname.endsWith(".example.com")) return res.status(400).end();
  res.json(await fetch(req.body.url));
}`,
      },
      // An anchored pattern with the slash after the host.
      {
        code: `export function go(req, res) {
  const target = req.query.target;
  if (/^https:\\/\\/(www\\.)?example\\.com\\//.test(target)) res.redirect(target);
}`,
      },
      // The redirect goes to a fixed host: the check does not choose where the user lands.
      {
        code: `app.use((req, res, next) => {
  if (!req.hostname.includes("www.example.com")) return res.redirect(301, "https://www.example.com" + req.originalUrl);
  next();
});`,
      },
      // Not a decision about an address: a display label.
      { code: `export const icon = (url) => (url.includes("github.com") ? "github" : "link");` },
      // A deny-list of internal hosts is another question.
      {
        code: `export async function hook(req, res) {
  const url = req.body.webhookUrl;
  if (url.includes("localhost")) return res.status(400).end();
  await axios.post(url, {});
}`,
      },
      // A value that is not named like an address.
      {
        code: `export function go(req, res) {
  if (req.headers.accept.includes("example.com")) res.redirect("/home");
}`,
      },
      // Fixtures and tests.
      {
        code: `export const isAllowedUrl = (url) => url.includes("example.com");`,
        filename: "test/helpers/urls.test.ts",
      },
    ],
    invalid: [
      {
        code: `app.get("/login/done", (req, res) => {
  const returnTo = req.query.returnTo;
  if (returnTo.includes("example.com")) return res.redirect(returnTo);
  res.redirect("/");
});`,
        errors: [
          {
            messageId: "redirect",
            line: 3,
            data: {
              check: 'returnTo.includes("example.com")',
              lookalike: "https://evil.test/?example.com",
              fix: "Compare `new URL(value).hostname` with a list of exact host names (`ALLOWED_HOSTS.includes(new URL(value).hostname)`)",
            },
          },
        ],
      },
      // indexOf(...) !== -1 is the same check.
      {
        code: `const ALLOWED = "shop.example.com";
export function back(req, res) {
  const url = req.body.redirectUrl;
  if (url.indexOf(ALLOWED) !== -1) res.redirect(url);
}`,
        errors: [{ messageId: "redirect", line: 4 }],
      },
      // startsWith without the slash after the host.
      {
        code: `export function go(ctx) {
  const next = ctx.query.next;
  if (next.startsWith("https://example.com")) ctx.redirect(next);
}`,
        errors: [
          {
            messageId: "redirect",
            data: {
              check: 'next.startsWith("https://example.com")',
              lookalike: "https://example.com.evil.test",
              fix: 'End the allowed prefix with a slash (`"https://example.com/"`)',
            },
          },
        ],
      },
      // An unanchored host pattern in front of an outgoing request: ssrf.
      {
        code: `export async function proxy(req, res) {
  const target = req.query.target;
  if (!/example\\.com/.test(target)) return res.status(403).send("not allowed");
  const upstream = await axios.get(target);
  res.send(upstream.data);
}`,
        errors: [{ messageId: "request", line: 3 }],
      },
      // The value parsed, the address it was parsed from redirected to.
      {
        code: `export function back(req, res) {
  const target = String(req.query.target);
  const parsed = new URL(target);
  if (parsed.hostname.endsWith("example.com")) return res.redirect(target);
  res.redirect("/");
}`,
        errors: [{ messageId: "redirect", line: 4 }],
      },
      // Each element of an allow-list compared with includes.
      {
        code: `const TRUSTED = ["example.com", "partner.test"];
export async function importFeed(request, reply) {
  const { url } = request.body;
  if (!TRUSTED.some((domain) => url.includes(domain))) return reply.code(400).send();
  return got(url).json();
}`,
        errors: [{ messageId: "request", line: 4 }],
      },
      // A validator whose caller (maybe in another file) redirects: reported in the validator.
      {
        code: `export function isSafeRedirect(url) {
  return url.startsWith("https://app.example.com");
}`,
        errors: [{ messageId: "redirect", line: 2 }],
      },
      {
        code: `export const isAllowedWebhook = (webhookUrl) => /^https:\\/\\/hooks\\.example\\.com/.test(webhookUrl);`,
        errors: [
          {
            messageId: "request",
            data: {
              check: "/^https:\\/\\/hooks\\.example\\.com/.test(webhookUrl)",
              lookalike: "https://hooks.example.com.evil.test",
              fix: "Compare `new URL(value).hostname` with a list of exact host names (or anchor the pattern with `^` and `$`)",
            },
          },
        ],
      },
      // A negated check whose branch rejects, in a middleware.
      {
        code: `export function checkCallback(req, res, next) {
  const callbackUrl = req.body.callbackUrl;
  if (!callbackUrl.endsWith("example.com")) throw new Error("callback not allowed");
  next();
}`,
        errors: [{ messageId: "redirect", line: 3 }],
      },
      // window.location in the browser.
      {
        code: `const params = new URLSearchParams(window.location.search);
export function continueLogin() {
  const next = params.get("next");
  if (next && next.indexOf("https://example.com") === 0) window.location.href = next;
}`,
        errors: [{ messageId: "redirect", line: 4 }],
      },
    ],
  });
});
