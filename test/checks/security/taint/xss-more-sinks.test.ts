/** XSS: Koa's `ctx.type = "html"`, NestJS handlers answering HTML, `marked.parse`, and regex matches of the URL. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const xss = (code: string, path = "src/routes/pages.ts") =>
  [...findingLabels(path, code)].filter((label) => label.startsWith("xss"));

describe("xss: more HTML responses and sources", () => {
  it("reports input in ctx.body after ctx.type = 'html', and stays quiet for JSON", () => {
    expect(
      xss("router.get('/hi', (ctx) => {\n  ctx.type = 'html';\n  ctx.body = String(ctx.query.name);\n});\n"),
    ).toEqual(["xss:3"]);
    expect(
      xss("router.get('/hi', (ctx) => {\n  ctx.type = 'json';\n  ctx.body = String(ctx.query.name);\n});\n"),
    ).toEqual([]);
  });

  it("reports a NestJS handler with a text/html Content-Type returning input, not one answering JSON", () => {
    const controller = (header: string, value: string) =>
      `import { marked } from 'marked';\n@Controller('docs')\nexport class DocsController {\n  @Post('render')\n  ${header}\n  render(@Body('source') source: string) {\n    return ${value};\n  }\n}\n`;
    expect(xss(controller("@Header('Content-Type', 'text/html')", "`<main>${marked.parse(source)}</main>`"))).toEqual([
      "xss:7",
    ]);
    expect(xss(controller("@Header('Content-Type', 'text/html')", "`<main>${escapeHtml(source)}</main>`"))).toEqual([]);
    expect(xss(controller("@HttpCode(200)", "{ html: marked.parse(source) }"))).toEqual([]);
  });

  it("follows a regex match of the page URL into document.write", () => {
    expect(
      xss(
        "const found = /[?&]coupon=([^&#]*)/.exec(document.URL);\nif (found) document.write('<b>' + decodeURIComponent(found[1]) + '</b>');\n",
        "public/coupon.js",
      ),
    ).toEqual(["xss:2"]);
    expect(
      xss(
        "const found = /[?&]coupon=([^&#]*)/.exec(document.URL);\nif (found) document.getElementById('c').textContent = decodeURIComponent(found[1]);\n",
        "public/coupon.js",
      ),
    ).toEqual([]);
  });
});

describe("xss: Koa content negotiation", () => {
  it("does not take a text branch for HTML because another branch sets ctx.type = 'html'", () => {
    expect(
      xss(
        "router.get('/who', (ctx) => {\n  if (ctx.accepts('html') === 'html') {\n    ctx.type = 'html';\n    ctx.body = `<p>${escapeHtml(ctx.query.who)}</p>`;\n    return;\n  }\n  ctx.type = 'text';\n  ctx.body = String(ctx.query.who);\n});\n",
      ),
    ).toEqual([]);
  });
});

describe("code-injection: template engine instances", () => {
  const ssti = (code: string) =>
    [...findingLabels("src/routes/mail.ts", code)].filter((label) => label.startsWith("code-injection"));

  it("reports input compiled by a nunjucks Environment or a Handlebars instance, not a constant template", () => {
    expect(
      ssti(
        "import nunjucks from 'nunjucks';\nconst env = new nunjucks.Environment(null, { autoescape: true });\napp.get('/card', (req, res) => res.send(env.renderString(String(req.query.tpl), { who: 'you' })));\n",
      ),
    ).toEqual(["code-injection:3"]);
    expect(
      ssti(
        "import Handlebars from 'handlebars';\nconst hbs = Handlebars.create();\napp.post('/card', (req, res) => res.send(hbs.compile(req.body.tpl)({})));\n",
      ),
    ).toEqual(["code-injection:3"]);
    expect(
      ssti(
        "import nunjucks from 'nunjucks';\nconst env = new nunjucks.Environment(null, { autoescape: true });\napp.get('/card', (req, res) => res.send(env.renderString('Hello {{ who }}', { who: String(req.query.who) })));\n",
      ),
    ).toEqual([]);
  });
});
