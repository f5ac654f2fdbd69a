import type { CheckContext, SourceFile } from "../check.js";
import { isApplicationCode } from "../shared/is-application-code.js";

/** A file that creates the HTTP server from a framework it imports: `express()`, `Fastify()`, `new Koa()`, `NestFactory.create`. */
const FRAMEWORK_IMPORT = /(from\s+|require\(\s*)["'](express|fastify|koa|hono|@nestjs\/core|@hapi\/hapi)["']/;
const SERVER_CREATED = /\b(express|fastify|Fastify|createServer|buildApp)\s*\(|new\s+(Koa|Hono)\s*\(|NestFactory\.create\w*\s*\(|Hapi\.server\s*\(/;

/** True when the review covers the whole project (`--all`: no file has added lines) rather than a diff. */
export function isWholeProjectReview(context: CheckContext): boolean {
  return context.files.length > 0 && context.files.every((file) => file.addedLines.size === 0);
}

/**
 * The file under review that creates the service's HTTP server, when the review sees the service as a whole:
 * a whole-project review, or a change that adds that file (a first pull request). Undefined otherwise, so the
 * service-wide checks (health endpoint, request logging) stay silent on an ordinary change.
 */
export function serviceEntry(context: CheckContext): { file: SourceFile; line: number } | undefined {
  const whole = isWholeProjectReview(context);
  for (const file of context.files) {
    if (file.status === "removed" || !isApplicationCode(file.path) || !FRAMEWORK_IMPORT.test(file.content)) continue;
    if (!whole && file.status !== "added") continue;
    const match = SERVER_CREATED.exec(file.content);
    if (!match) continue;
    return { file, line: file.content.slice(0, match.index).split("\n").length };
  }
  return undefined;
}
