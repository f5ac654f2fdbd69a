import type { CheckContext, SourceFile } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";

/** The name a framework is imported under: `import express from "express"`, `const Koa = require("koa")`, `import { Hono } from "hono"`. */
const FRAMEWORK_BINDING =
  /(?:import\s+(?:\*\s+as\s+)?(\w+)(?:\s*,\s*\{[^}]*\})?|import\s*\{\s*(?:\w+\s+as\s+)?(\w+)[^}]*\}|(?:const|let|var)\s+(\w+)\s*=\s*require\()\s*(?:from\s*)?\(?\s*["'](express|fastify|koa|hono|@nestjs\/core|@hapi\/hapi)["']/g;

/** Where the imported framework creates a server: `express()`, `Fastify({...})`, `new Koa()`, `NestFactory.create(...)`. */
function serverCreation(content: string): number | undefined {
  for (const match of content.matchAll(FRAMEWORK_BINDING)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (!name) continue;
    const created = new RegExp(`(?<!function\\s+)(?<![.\\w])(new\\s+)?${name}(\\.(create\\w*|server))?\\s*\\(`, "g");
    for (const call of content.matchAll(created)) {
      // Skip the import itself: `require("express")` is no call of `express`.
      if (call.index !== undefined && call.index > (match.index ?? 0) + match[0].length) return call.index;
    }
  }
  return undefined;
}

/** True when the review covers the whole project (`--all`: no file has added lines) rather than a diff. */
export function isWholeProjectReview(context: CheckContext): boolean {
  return context.files.length > 0 && context.files.every((file) => file.addedLines.size === 0);
}

/** A project whose servers are created in this many folders or more is a collection of examples, not one service. */
export const EXAMPLE_COLLECTION_FOLDERS = 5;

/**
 * The file under review that creates the service's HTTP server, when the review sees the service as a whole:
 * a whole-project review, or a change that adds that file (a first pull request). Undefined otherwise, so the
 * service-wide checks (health endpoint, request logging) stay silent on an ordinary change.
 *
 * Also undefined for a collection of examples (Koa's or Express's `examples/`: a small app in each of many
 * folders, each creating its own server): none of them is deployed, so asking one of them for a health endpoint
 * or a request logger teaches nothing.
 */
export function serviceEntry(context: CheckContext): { file: SourceFile; line: number } | undefined {
  const whole = isWholeProjectReview(context);
  let first: { file: SourceFile; line: number } | undefined;
  const folders = new Set<string>();
  for (const file of context.files) {
    if (file.status === "removed" || !isApplicationCode(file.path)) continue;
    if (!whole && file.status !== "added") continue;
    const index = serverCreation(file.content);
    if (index === undefined) continue;
    first ??= { file, line: file.content.slice(0, index).split("\n").length };
    folders.add(file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "");
    if (folders.size >= EXAMPLE_COLLECTION_FOLDERS) return undefined;
  }
  return first;
}
