import { describe, expect, it } from "vitest";
import { requestLoggingCheck } from "../../../src/checks/operations/request-logging.js";
import { serviceContext } from "./make-service-context.js";

const app = `import express from "express";\nexport const app = express();\n`;

describe("request-logging", () => {
  it("reports console.log request logging beside a structured logger", () => {
    const findings = requestLoggingCheck.run(
      serviceContext({
        "src/app.ts": `${app}import pinoHttp from "pino-http";\napp.use(pinoHttp());`,
        "src/middleware/trace.ts": `import pino from "pino";\nexport const trace = (req, res, next) => {\n  console.log(req.method, req.url);\n  next();\n};`,
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ messageId: "consoleRequestLog", path: "src/middleware/trace.ts", line: 3 }),
    ]);
  });

  it("reports a service that logs no requests at all", () => {
    const findings = requestLoggingCheck.run(serviceContext({ "src/app.ts": app }, { whole: true }));
    expect(findings).toEqual([expect.objectContaining({ messageId: "noRequestLog", path: "src/app.ts", line: 2 })]);
  });

  it("counts morgan, pino-http, Fastify's logger and a hand-written middleware as request logging", () => {
    for (const extra of [
      `import morgan from "morgan";\napp.use(morgan("dev"));`,
      `app.use((req, res, next) => { console.log(req.method, req.originalUrl); next(); });`,
    ]) {
      expect(requestLoggingCheck.run(serviceContext({ "src/app.ts": `${app}${extra}` }))).toEqual([]);
    }
    expect(
      requestLoggingCheck.run(
        serviceContext({ "src/app.ts": `import Fastify from "fastify";\nconst app = Fastify({ logger: true });` }),
      ),
    ).toEqual([]);
  });

  it("allows console.log request logging where there is no structured logger", () => {
    expect(
      requestLoggingCheck.run(
        serviceContext({ "src/log.ts": `export const log = (req) => console.log(req.method, req.url);` }),
      ),
    ).toEqual([]);
  });
});
