import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { knownContents } from "../shared/known-contents.js";
import { serviceEntry } from "./service-entry.js";

const STRUCTURED_LOGGER = /(from\s+|require\(\s*)["'](pino|winston|bunyan|pino-http)["']/;
const REQUEST_LOGGER =
  /["'](morgan|pino-http|express-pino-logger|express-winston|koa-logger|koa-pino-logger|hono\/logger|@hono\/.*logger|express-requests-logger)["']|[Ff]astify\(\s*\{[\s\S]{0,300}?\blogger\s*:|\.use\(\s*(async\s*)?(function\s*\w*\s*)?\(?\s*(req|ctx|request)\b[\s\S]{0,400}?\b(req|ctx|request)\.(method|originalUrl|url)\b|NestFactory/;
const CONSOLE_REQUEST_LOG =
  /\bconsole\.(log|info|debug)\s*\([^\n]*\b(req|request|ctx)\.(method|url|originalUrl|path)\b/;

/**
 * Request logging: `console.log` used for it where the service has a structured logger (pino, winston, bunyan),
 * and, when the review sees the whole service, no request logging at all.
 */
export const requestLoggingCheck: FunctionCheck = {
  kind: "function",
  id: "request-logging",
  criterion: "operations",
  description: "Requests logged with console.log beside a structured logger, or a service that logs no requests.",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    const contents = [...knownContents(context)]
      .filter(([path]) => isApplicationCode(path))
      .map(([, content]) => content);
    const structured = contents.some((content) => STRUCTURED_LOGGER.test(content));
    const findings: RawFinding[] = [];
    if (structured) {
      for (const file of context.files) {
        if (file.status === "removed" || !isApplicationCode(file.path)) continue;
        const index = file.content.split("\n").findIndex((line) => CONSOLE_REQUEST_LOG.test(line));
        if (index < 0) continue;
        findings.push({
          messageId: "consoleRequestLog",
          message:
            "Log requests with the service's structured logger instead of `console.log`: `pino-http` (or `express-winston`) logs method, path, " +
            "status and duration of every request as JSON. Lines from `console.log` have no level, no request id and no fields to search, " +
            "so they are the ones missing when you investigate. See https://github.com/pinojs/pino-http#readme",
          path: file.path,
          line: index + 1,
        });
      }
    }
    const entry = serviceEntry(context);
    if (entry && !contents.some((content) => REQUEST_LOGGER.test(content))) {
      findings.push({
        messageId: "noRequestLog",
        message:
          `Log every request: add a request logger where the app is created (\`app.use(pinoHttp())\`${structured ? "" : ', or `morgan("combined")`'}; ` +
          "Fastify: `Fastify({ logger: true })`). Without it, when a user reports a failure there is no record of what was asked, when, " +
          "or what the service answered. See https://betterstack.com/community/guides/logging/how-to-install-setup-and-use-pino-to-log-node-js-applications/",
        path: entry.file.path,
        line: entry.line,
      });
    }
    return findings;
  },
};
