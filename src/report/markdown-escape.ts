/**
 * Escaping for text the learner controls (paths, messages that quote code) when it goes into Markdown
 * that GitHub renders: it must never break the layout around it (tables, lists, code blocks, HTML).
 */

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes the characters HTML gives meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** Replaces every run of whitespace (newlines too) with one space, for one-line places (lists, tables). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const MARKDOWN_PUNCTUATION = /[\\*_[\]#|~`]/g;
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

/**
 * Escapes prose for Markdown while keeping its `code spans` as code: outside code spans, HTML characters
 * become entities and Markdown punctuation is backslash-escaped (an unpaired backtick too, so it cannot
 * pair with one further on).
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    out += escapeProse(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeProse(text.slice(last));
}

function escapeProse(text: string): string {
  return escapeHtml(text).replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
}

/** Shows text verbatim as an inline code span, whatever backticks it holds. */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const fence = "`".repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || /^ .* $/.test(flat) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside, so the body cannot close it. */
export function codeBlock(body: string, info = ""): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
  const text = body.endsWith("\n") ? body : `${body}\n`;
  return `${fence}${info}\n${text}${fence}`;
}

/** Content for one GFM table cell: one line, with pipes escaped (GFM needs that even inside code spans). */
export function tableCell(markdown: string): string {
  return oneLine(markdown).replace(/(?<!\\)\|/g, "\\|");
}

/** A Markdown link whose URL cannot end the link early. */
export function markdownLink(text: string, url: string): string {
  const safeUrl = url.replace(
    /[\s()<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `[${escapeMarkdown(oneLine(text))}](${safeUrl})`;
}
