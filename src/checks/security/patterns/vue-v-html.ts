/**
 * vue-v-html: `v-html` (and `:innerHTML`) in a `.vue` component's template given an expression that is not a
 * constant. Vue escapes `{{ }}` and bound attributes; `v-html` does not. The component's script is not traced,
 * so the finding is the audit level (informative by default, the rubric sets it); an expression that reads the
 * page's URL (`$route.query.x`, `route.params.x`) says so and carries its trace, at the same level (the engine
 * takes a finding's own level only for celebratory findings).
 */
import type { FunctionCheck } from "../../../contract/check.js";
import type { RawFinding } from "../../../contract/types.js";
import { isTestSupport } from "../../shared/is-test-file.js";

/** `v-html="expr"`, `v-bind:innerHTML="expr"`, `:innerHTML="expr"`, `:inner-html="expr"`, quoted either way. */
const DIRECTIVE = /(?<![\w:-])(v-html|(?:v-bind)?:inner(?:HTML|-html))\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** A string literal, a number, or a template literal without `${}`: fixed in the code. */
const CONSTANT = /^\s*(?:'[^']*'|"[^"]*"|`[^`$]*`|\d+(?:\.\d+)?|null|undefined|true|false)\s*$/;
/** A sanitiser call around the whole expression: `sanitize(x)`, `DOMPurify.sanitize(x)`, `$sanitize(x)`. */
const SANITIZED = /^\s*(?:[\w$.]*\.)?\$?(?:sanitize\w*|purify|escape\w*|xss|filterXSS)\s*\(/i;
/** The page's URL: Vue Router's `$route` / `useRoute()` query, params and hash. */
const FROM_URL = /(?:\$route|\broute|useRoute\(\))\.(?:query|params|hash|fullPath)\b/;

/** The `<template>` block of a single-file component: from the first `<template` to its last `</template>`. */
function templateRange(content: string): [number, number] | undefined {
  const start = content.search(/<template[\s>]/);
  const end = content.lastIndexOf("</template>");
  return start === -1 || end < start ? undefined : [start, end];
}

function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (content.charCodeAt(index) === 10) line++;
  return line;
}

export function findVHtml(path: string, content: string): RawFinding[] {
  const range = templateRange(content);
  if (!range) return [];
  const template = content.slice(range[0], range[1]);
  const findings: RawFinding[] = [];
  for (const match of template.matchAll(DIRECTIVE)) {
    const directive = match[1] ?? "v-html";
    const expression = (match[2] ?? match[3] ?? "").trim();
    if (!expression || CONSTANT.test(expression) || SANITIZED.test(expression)) continue;
    const line = lineAt(content, range[0] + (match.index ?? 0));
    const shown = expression.length > 50 ? `${expression.slice(0, 47)}...` : expression;
    const fromUrl = FROM_URL.test(expression);
    const fix = `Show \`${shown}\` with \`{{ }}\` (Vue escapes it) instead of \`${directive}\`, or clean it with DOMPurify first.`;
    findings.push(
      fromUrl
        ? {
            messageId: "fromUrl",
            message: `${fix} It comes from the page's address, so anyone can send a link whose \`<img src=x onerror=...>\` runs script in the visitor's browser: ${shown} -> ${directive}.`,
            path,
            line,
            category: "xss",
            trace: `${shown} -> ${directive}`,
          }
        : {
            messageId: "untraced",
            message: `${fix} \`${directive}\` renders whatever string reaches it as HTML; no request input was traced here, but if part of it comes from a user or an API, a \`<script>\` or \`onerror=\` in it runs in your visitors' browsers.`,
            path,
            line,
            category: "xss",
          },
    );
  }
  return findings;
}

export const vueVHtml: FunctionCheck = {
  kind: "function",
  id: "vue-v-html",
  criterion: "security",
  description:
    "v-html (and :innerHTML) in Vue single-file components given a value that is not constant (audit level).",
  defaultLevel: "informative",
  category: "xss",
  languages: ["text"],
  run(context) {
    return context.files
      .filter((file) => file.path.endsWith(".vue") && !isTestSupport(file.path))
      .flatMap((file) => findVHtml(file.path, file.content));
  },
};
