/**
 * Runs the taint analysis on the inline `<script>` blocks of an HTML page, so DOM sinks such as
 * `innerHTML = location.hash` in served pages are found. Everything outside the scripts is blanked
 * (newlines kept), so lines and columns match the page. A script that does not parse is skipped.
 */
import { Linter } from "eslint";
import { createTaintRule } from "../create-taint-check.js";

export interface InlineScriptFinding {
  line: number;
  endLine?: number;
  message: string;
}

const linter = new Linter({ configType: "flat" });
const config: Linter.Config[] = [
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    linterOptions: { noInlineConfig: true },
    plugins: {
      apprentice: {
        rules: {
          xss: createTaintRule("xss", "XSS in inline scripts"),
          "open-redirect": createTaintRule("open-redirect", "Open redirect in inline scripts"),
        },
      },
    },
    rules: { "apprentice/xss": "warn" },
  },
];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The page with everything but inline script bodies replaced by spaces. */
export function inlineScriptsOnly(html: string): string | undefined {
  let output = "";
  let last = 0;
  let found = false;
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? "";
    if (
      /\bsrc\s*=/.test(attributes) ||
      /type\s*=\s*["']?(application\/(ld\+)?json|text\/(template|x-template|html))/i.test(attributes)
    )
      continue;
    const bodyStart = (match.index ?? 0) + match[0].indexOf(">") + 1;
    const body = match[2] ?? "";
    output += html.slice(last, bodyStart).replace(/[^\n]/g, " ") + body;
    last = bodyStart + body.length;
    found = true;
  }
  return found ? output + html.slice(last).replace(/[^\n]/g, " ") : undefined;
}

export function findInlineScriptXss(html: string): InlineScriptFinding[] {
  const code = inlineScriptsOnly(html);
  if (code === undefined) return [];
  const messages = linter.verify(code, config, { filename: "inline.js" });
  return messages
    .filter((message) => !message.fatal && message.ruleId === "apprentice/xss")
    .map((message) => ({
      line: message.line,
      ...(message.endLine && message.endLine !== message.line ? { endLine: message.endLine } : {}),
      message: message.message,
    }));
}
