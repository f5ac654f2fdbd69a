/**
 * vue-v-html: `v-html` (and `:innerHTML`) in a `.vue` component's template given an expression that is not a
 * constant. Vue escapes `{{ }}` and bound attributes; `v-html` does not. The component's script is not traced
 * (a name the script defines as a sanitiser's result is recognised from the text),
 * so the finding is the audit level (informative by default, the rubric sets it); an expression that reads the
 * page's URL (`$route.query.x`, `route.params.x`) says so and carries its trace, at the same level (the engine
 * takes a finding's own level only for celebratory findings).
 */
import type { FunctionCheck } from "../../../contract/check.js";
import type { RawFinding } from "../../../contract/types.js";
import { isTestSupport } from "../../shared/is-test-file.js";
import { escapeRegExp } from "../../shared/escape-reg-exp.js";
import { lineAt } from "../../shared/line-at.js";

/** `v-html="expr"`, `v-bind:innerHTML="expr"`, `:innerHTML="expr"`, `:inner-html="expr"`, quoted either way. */
const DIRECTIVE = /(?<![\w:-])(v-html|(?:v-bind)?:inner(?:HTML|-html))\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** A string literal, a number, or a template literal without `${}`: fixed in the code. */
const CONSTANT = /^\s*(?:'[^']*'|"[^"]*"|`[^`$]*`|\d+(?:\.\d+)?|null|undefined|true|false)\s*$/;
/** A sanitiser call around the whole expression: `sanitize(x)`, `DOMPurify.sanitize(x)`, `$sanitize(x)`. */
const SANITIZED = /^\s*(?:[\w$.]*\.)?\$?(?:sanitize\w*|purify|escape\w*|xss|filterXSS)\s*\(/i;
/** A sanitiser call anywhere in a definition. */
const SANITIZER_CALL = /(?:^|[^\w$])\$?(?:sanitize\w*|purify|escape\w*|xss|filterXSS)\s*\(/i;
/** The page's URL: Vue Router's `$route` / `useRoute()` query, params and hash. */
const FROM_URL = /(?:\$route|\broute|useRoute\(\))\.(?:query|params|hash|fullPath)\b/;

/** The `<template>` block of a single-file component: from the first `<template` to its last `</template>`. */
function templateRange(content: string): [number, number] | undefined {
  const start = content.search(/<template[\s>]/);
  const end = content.lastIndexOf("</template>");
  return start === -1 || end < start ? undefined : [start, end];
}

/**
 * Whether the component's `<script>` defines `name` as a sanitised value: `const name = computed(() =>
 * DOMPurify.sanitize(...))` (one statement) or an options-API `name() { return sanitize(...) }`. Read from the
 * text, as the template is; a definition the pattern does not see leaves the finding in place.
 */
function definedSanitised(content: string, expression: string): boolean {
  const name = /^([A-Za-z_$][\w$]*)(?:\.value)?$/.exec(expression)?.[1];
  if (!name) return false;
  const script = content.slice(content.search(/<script[\s>]/) >>> 0);
  const id = escapeRegExp(name);
  // One statement: up to a semicolon, a blank line, or the next line that starts a declaration.
  const declared = new RegExp(
    `(?:const|let|var)\\s+${id}\\s*=([^;]*?)(?=;|\\n\\s*(?:\\n|(?:const|let|var|function|import|export)\\s)|$)`,
  ).exec(script)?.[1];
  const method = new RegExp(`(?:^|[\\s,{])${id}\\s*\\([^)]*\\)\\s*\\{([^}]*)\\}`).exec(script)?.[1];
  return [declared, method].some((text) => text !== undefined && SANITIZER_CALL.test(text));
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
    if (definedSanitised(content, expression)) continue;
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
