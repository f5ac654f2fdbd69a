/**
 * Finds unescaped output in server-side templates: EJS `<%- x %>`, Handlebars/Mustache `{{{x}}}` and
 * `{{& x}}`, Pug `p!= x` and `!{x}`, Nunjucks `{{ x | safe }}`. Layout slots (`body`, partials,
 * `include(...)`) and values passed through an escaping or sanitising function are left alone.
 */
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

function lineAt(text: string, index: number): number {
  let line = 1;
  for (
    let position = text.indexOf("\n");
    position !== -1 && position < index;
    position = text.indexOf("\n", position + 1)
  )
    line++;
  return line;
}

function lineText(text: string, line: number): string {
  return text.split("\n")[line - 1] ?? "";
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
  for (const match of content.matchAll(pattern)) {
    const expression = match[1] ?? "";
    if (isQuiet(expression)) continue;
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
    case ".jade":
      return content.split("\n").flatMap((text, index) => {
        if (/^\s*(-|\/\/)/.test(text)) return [];
        const results: UnescapedOutput[] = [];
        const attribute = /^\s*[\w.#:-]+(\([^)]*\))?!=\s*(.+)$/.exec(text);
        if (attribute && !isQuiet(attribute[2] ?? "")) {
          results.push({
            line: index + 1,
            expression: (attribute[2] ?? "").trim(),
            syntax: "Pug !=",
            suggestion: text.replace("!=", "="),
          });
        }
        for (const match of text.matchAll(/!\{([^}]+)\}/g)) {
          if (isQuiet(match[1] ?? "")) continue;
          results.push({
            line: index + 1,
            expression: (match[1] ?? "").trim(),
            syntax: "Pug !{ }",
            suggestion: text.replace(match[0], `#{${match[1] ?? ""}}`),
          });
        }
        return results;
      });
    case ".njk":
    case ".nunjucks":
      return scan(content, /\{\{\s*([^}]*?)\s*\|\s*safe\s*\}\}/g, "Nunjucks | safe", (tag) =>
        tag.replace(/\s*\|\s*safe\s*\}\}$/, " }}"),
      );
    default:
      return [];
  }
}
