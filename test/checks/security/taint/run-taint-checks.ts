/** Test helper: runs every taint check (ESLint rules and the template check) over one file, as "category:line" labels. */
import type { SourceFile } from "../../../../src/contract/check.js";
import { xssTemplateCheck } from "../../../../src/checks/security/taint/templates/xss-template-check.js";
import { lintWithTaintRules } from "./lint-with-taint-rules.js";

const TEMPLATE = /\.(ejs|hbs|handlebars|mustache|pug|jade|njk)$/;
const HTML = /\.html?$/;

export function findingLabels(path: string, content: string): Set<string> {
  if (TEMPLATE.test(path) || HTML.test(path)) {
    const file: SourceFile = {
      path,
      content,
      language: TEMPLATE.test(path) ? "template" : "html",
      status: "added",
      addedLines: new Set(),
    };
    const findings = xssTemplateCheck.run({ files: [file], repoPaths: [path], relatedFiles: [], options: {} });
    return new Set(findings.map((finding) => `${finding.category}:${finding.line}`));
  }
  return new Set(lintWithTaintRules(content, path).map((result) => `${result.category}:${result.line}`));
}
