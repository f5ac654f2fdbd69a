/** Tests for the "xss-template" check: unescaped template output and DOM sinks in HTML pages. */
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../../../src/contract/check.js";
import { xssTemplateCheck } from "../../../../src/checks/security/taint/templates/xss-template-check.js";

function run(path: string, content: string) {
  const file: SourceFile = {
    path,
    content,
    language: path.endsWith(".html") ? "html" : "template",
    status: "added",
    addedLines: new Set(),
  };
  return xssTemplateCheck.run({ files: [file], repoPaths: [path], relatedFiles: [], options: {} });
}

describe("xss-template", () => {
  it("is a template/html function check in the xss category", () => {
    expect(xssTemplateCheck.id).toBe("xss-template");
    expect(xssTemplateCheck.languages).toEqual(["template", "html"]);
    expect(xssTemplateCheck.category).toBe("xss");
  });

  it("suggests <%= for EJS <%- output, and leaves include() and layout slots alone", () => {
    const findings = run(
      "views/profile.ejs",
      '<%- include("header") %>\n<p><%- user.bio %></p>\n<%- body %>\n<p><%= user.name %></p>',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      line: 2,
      category: "xss",
      // The value's origin is not traced in a template read alone: actionable, below the check's essential.
      level: "actionable",
      suggestion: "<p><%= user.bio %></p>",
      trace: "user.bio -> EJS <%- %> (unescaped HTML)",
    });
    expect(findings[0]?.message).toMatch(/^Use `<%= %>`, which escapes HTML/);
  });

  it("leaves values the server serialised into a <script> alone, and reports text spliced into script strings", () => {
    const pug = [
      "block content",
      "  script#chart-data(type='application/json') !{ chartJson }",
      "  script.",
      "    var points = !{ points };",
      '    var title = "!{ chartTitle }";',
      "  script!= JSON.stringify(settings)",
      "  p!= summary",
      "",
    ].join("\n");
    expect(run("views/chart.pug", pug).map((finding) => finding.line)).toEqual([5, 7]);
    const ejs = [
      "<script>",
      "  const state = <%- JSON.stringify(state) %>;",
      "  const who = '<%- visitor %>';",
      "</script>",
      "<div><%- note %></div>",
    ].join("\n");
    expect(run("views/state.ejs", ejs).map((finding) => finding.line)).toEqual([3, 5]);
  });

  it("suggests {{ }} for Handlebars {{{ }}} but not for {{{body}}}", () => {
    const findings = run("views/post.hbs", "<main>{{{body}}}</main>\n<div>{{{ post.html }}}</div>");
    expect(findings.map((finding) => [finding.line, finding.suggestion])).toEqual([[2, "<div>{{ post.html }}</div>"]]);
  });

  it("finds Pug != and !{} and Nunjucks | safe", () => {
    expect(
      run("views/a.pug", "div\n  p!= user.bio\n  p Hi !{user.name}\n  p= user.safe").map((finding) => [
        finding.line,
        finding.suggestion,
      ]),
    ).toEqual([
      [2, "  p= user.bio"],
      [3, "  p Hi #{user.name}"],
    ]);
    expect(
      run("views/a.njk", "<p>{{ comment | safe }}</p>\n<p>{{ comment }}</p>").map((finding) => [
        finding.line,
        finding.suggestion,
      ]),
    ).toEqual([[1, "<p>{{ comment }}</p>"]]);
  });

  it("tracks URL input into innerHTML in inline scripts of HTML pages, and ignores script files", () => {
    const html =
      '<html>\n<script src="/app.js"></script>\n<script>\n  const q = location.hash.slice(1);\n  out.innerHTML = q;\n  out.textContent = q;\n</script>\n</html>';
    const findings = run("public/index.html", html);
    expect(findings.map((finding) => [finding.line, finding.category, finding.trace])).toEqual([
      [5, "xss", "location.hash -> q -> innerHTML"],
    ]);
    // A traced flow from the URL keeps the check's own level (essential in the default rubric).
    expect(findings[0]?.level).toBeUndefined();
  });

  it("skips an inline script that does not parse instead of crashing", () => {
    expect(run("public/broken.html", "<script>const = ;</script>")).toEqual([]);
  });
});
