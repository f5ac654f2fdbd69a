/**
 * Finds unescaped output in server-side templates: EJS `<%- x %>`, Handlebars/Mustache `{{{x}}}` and
 * `{{& x}}`, Pug `p!= x` and `!{x}`, Nunjucks `{{ x | safe }}`. Layout slots (`body`, partials,
 * `include(...)`) and values passed through an escaping or sanitising function are left alone.
 */
import { lineAt } from "../../../shared/line-at.js";

export interface UnescapedOutput {
  line: number;
  /** The expression as written, e.g. "user.bio". */
  expression: string;
  /** The syntax in words, e.g. "EJS <%- %>". */
  syntax: string;
  /** The whole line with the tag made escaping, when that is mechanical. */
  suggestion?: string;
}

const LAYOUT_SLOTS =
  /^(body|content|yield|script|style|scripts|styles|block\b|blocks\.|layout|defineContent\(|contentFor\(|partial\(|include\b|>)/;
const ESCAPED = /^(escape|sanitize|DOMPurify|purify|encode|xss|filterXSS|htmlEscape|escapeHtml|h\()/;

function lineText(text: string, line: number): string {
  return text.split("\n")[line - 1] ?? "";
}

/**
 * Output written as a bare value inside a `<script>` element (`var dates = !{ dates };`,
 * `script(type="application/json") !{ options }`, `const data = <%- JSON.stringify(data) %>;`) is a value the
 * server serialised as JSON or JavaScript: unquoted raw text there would not even parse. HTML escaping is the wrong
 * fix for it (it breaks the JSON), so the check leaves it alone. Output inside quotes in a script
 * (`var name = "<%- user.name %>"`) is text spliced into code and stays reported.
 */
function quotedAt(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trimEnd().slice(-1);
  const after = text.slice(end).trimStart().charAt(0);
  return /["'`]/.test(before) && before === after;
}

/** Ranges of the text inside `<script ...>` ... `</script>` elements (HTML-like templates). */
function scriptRanges(content: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of content.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    const start = (match.index ?? 0) + match[0].indexOf(">") + 1;
    ranges.push([start, start + (match[1] ?? "").length]);
  }
  return ranges;
}

/** Pug lines that are script content: the inline text of a `script` tag, and the lines of a `script.` block. */
function pugScriptLines(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  let blockIndent: number | undefined;
  lines.forEach((text, index) => {
    const indent = text.length - text.trimStart().length;
    if (blockIndent !== undefined) {
      if (text.trim() === "" || indent > blockIndent) {
        inside.add(index);
        return;
      }
      blockIndent = undefined;
    }
    const tag = /^\s*script\b[\w.#-]*?(\([^)]*\))?(\.?)(\s+.*)?$/.exec(text);
    if (!tag) return;
    if (tag[2] === "." && !tag[3]?.trim()) blockIndent = indent;
    else if (tag[3]?.trim()) inside.add(index);
  });
  return inside;
}

function isQuiet(expression: string): boolean {
  const trimmed = expression.trim();
  return trimmed === "" || LAYOUT_SLOTS.test(trimmed) || ESCAPED.test(trimmed) || /^["'`][^"'`]*["'`]$/.test(trimmed);
}

function scan(
  content: string,
  pattern: RegExp,
  syntax: string,
  replace: ((tag: string) => string) | undefined,
): UnescapedOutput[] {
  const found: UnescapedOutput[] = [];
  const scripts = scriptRanges(content);
  for (const match of content.matchAll(pattern)) {
    const expression = match[1] ?? "";
    if (isQuiet(expression)) continue;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (scripts.some(([from, to]) => start >= from && end <= to) && !quotedAt(content, start, end)) continue;
    const line = lineAt(content, match.index ?? 0);
    const output: UnescapedOutput = { line, expression: expression.trim(), syntax };
    const original = lineText(content, line);
    if (replace && !match[0].includes("\n")) output.suggestion = original.replace(match[0], replace(match[0]));
    found.push(output);
  }
  return found;
}

export function findUnescapedOutput(path: string, content: string): UnescapedOutput[] {
  const extension = path.slice(path.lastIndexOf(".")).toLowerCase();
  switch (extension) {
    case ".ejs":
      return scan(content, /<%-\s*([\s\S]*?)\s*[-_]?%>/g, "EJS <%- %>", (tag) => tag.replace("<%-", "<%="));
    case ".hbs":
    case ".handlebars":
    case ".mustache":
      return [
        ...scan(content, /\{\{\{~?\s*([^}]*?)\s*~?\}\}\}/g, "Handlebars {{{ }}}", (tag) =>
          tag.replace(/^\{\{\{/, "{{").replace(/\}\}\}$/, "}}"),
        ),
        ...scan(content, /\{\{&\s*([^}]*?)\s*\}\}/g, "Mustache {{& }}", (tag) => tag.replace("{{&", "{{")),
      ].sort((a, b) => a.line - b.line);
    case ".pug":
    case ".jade": {
      const lines = content.split("\n");
      const scriptLines = pugScriptLines(lines);
      return lines.flatMap((text, index) => {
        if (/^\s*(-|\/\/)/.test(text)) return [];
        const inScript = scriptLines.has(index);
        const results: UnescapedOutput[] = [];
        const attribute = /^\s*[\w.#:-]+(\([^)]*\))?!=\s*(.+)$/.exec(text);
        // `script!= JSON.stringify(data)`: the script's whole content, serialised by the server (see quotedAt).
        if (attribute && !isQuiet(attribute[2] ?? "") && !inScript && !/^\s*script\b/.test(text)) {
          results.push({
            line: index + 1,
            expression: (attribute[2] ?? "").trim(),
            syntax: "Pug !=",
            suggestion: text.replace("!=", "="),
          });
        }
        for (const match of text.matchAll(/!\{([^}]+)\}/g)) {
          if (isQuiet(match[1] ?? "")) continue;
          const start = match.index ?? 0;
          if (inScript && !quotedAt(text, start, start + match[0].length)) continue;
          results.push({
            line: index + 1,
            expression: (match[1] ?? "").trim(),
            syntax: "Pug !{ }",
            suggestion: text.replace(match[0], `#{${match[1] ?? ""}}`),
          });
        }
        return results;
      });
    }
    case ".njk":
    case ".nunjucks":
      return scan(content, /\{\{\s*([^}]*?)\s*\|\s*safe\s*\}\}/g, "Nunjucks | safe", (tag) =>
        tag.replace(/\s*\|\s*safe\s*\}\}$/, " }}"),
      );
    default:
      return [];
  }
}
