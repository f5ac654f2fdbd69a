/** Markdown rendered to HTML from input: marked passes raw HTML through; markdown-it only with `html: true`. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string) => [...findingLabels("src/routes/posts.js", code)];

describe("xss: markdown rendered to HTML", () => {
  it("reports input rendered by markdown-it with html: true into a response or innerHTML", () => {
    expect(
      labels(
        "const markdownit = require('markdown-it');\nconst md = markdownit({ html: true });\napp.post('/preview', (req, res) => {\n  res.send(md.render(req.body.text));\n});\n",
      ),
    ).toEqual(["xss:4"]);
    expect(
      labels(
        "import MarkdownIt from 'markdown-it';\nconst preview = document.getElementById('preview');\npreview.innerHTML = new MarkdownIt({ html: true, linkify: true }).render(location.hash.slice(1));\n",
      ),
    ).toEqual(["xss:3"]);
  });

  it("reports input rendered by marked, which keeps raw HTML", () => {
    expect(
      labels(
        "const { marked } = require('marked');\napp.get('/page', (req, res) => {\n  res.send(marked(req.query.md));\n});\n",
      ),
    ).toEqual(["xss:3"]);
  });

  it("stays quiet for markdown-it's defaults (raw HTML escaped), sanitised output and constant text", () => {
    expect(
      labels(
        "const md = require('markdown-it')();\napp.post('/preview', (req, res) => {\n  res.send(md.render(req.body.text));\n});\n",
      ),
    ).toEqual([]);
    expect(
      labels(
        "const md = require('markdown-it')({ html: false });\napp.post('/preview', (req, res) => {\n  res.send(md.render(req.body.text));\n});\n",
      ),
    ).toEqual([]);
    expect(
      labels(
        "const md = require('markdown-it')({ html: true });\napp.post('/preview', (req, res) => {\n  res.send(DOMPurify.sanitize(md.render(req.body.text)));\n});\n",
      ),
    ).toEqual([]);
    expect(
      labels(
        "const md = require('markdown-it')({ html: true });\napp.get('/about', (req, res) => {\n  res.send(md.render('# About us'));\n});\n",
      ),
    ).toEqual([]);
  });
});
