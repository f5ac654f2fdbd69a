import { describe, expect, it } from "vitest";
import { healthEndpointCheck } from "../../../src/checks/operations/health-endpoint.js";
import { serviceContext } from "./make-service-context.js";

const app = `import express from "express";\nimport { tasks } from "./tasks.js";\n\nexport const app = express();\napp.use("/tasks", tasks);\n`;

describe("health-endpoint", () => {
  it("reports a service with no health endpoint at the line that creates it", () => {
    const findings = healthEndpointCheck.run(
      serviceContext({ "src/app.ts": app, "src/tasks.ts": `tasks.get("/", list);` }, { whole: true }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/app.ts", line: 4, messageId: "noHealth" });
  });

  it("stays quiet with a /health or /healthz route, or a health library", () => {
    expect(
      healthEndpointCheck.run(
        serviceContext(
          { "src/app.ts": `${app}app.get("/health", (req, res) => res.json({ ok: true }));` },
          { whole: true },
        ),
      ),
    ).toEqual([]);
    expect(
      healthEndpointCheck.run(serviceContext({ "src/app.ts": app, "src/ops.ts": `router.get('/healthz', h);` })),
    ).toEqual([]);
    expect(
      healthEndpointCheck.run(
        serviceContext({ "src/app.ts": `${app}import { createTerminus } from "@godaddy/terminus";` }),
      ),
    ).toEqual([]);
  });

  it("stays quiet on an ordinary change, and on code that does not create a server", () => {
    expect(
      healthEndpointCheck.run(serviceContext({ "src/app.ts": app }, { status: { "src/app.ts": "modified" } })),
    ).toEqual([]);
    expect(
      healthEndpointCheck.run(
        serviceContext({ "lib/server.js": "function fastify (options) { return server.listen() }" }, { whole: true }),
      ),
    ).toEqual([]);
  });
});

describe("health-endpoint on a collection of examples", () => {
  it("stays quiet when many folders each create their own small server, and reports four", () => {
    const server = `const Koa = require("koa");\nconst app = new Koa();\napp.listen(3000);\n`;
    const examples = (count: number) =>
      Object.fromEntries(
        ["hello", "cookies", "upload", "errors", "templates"].slice(0, count).map((name) => [`${name}/app.js`, server]),
      );
    expect(healthEndpointCheck.run(serviceContext(examples(5), { whole: true }))).toEqual([]);
    expect(healthEndpointCheck.run(serviceContext(examples(4), { whole: true }))).toHaveLength(1);
  });
});

describe("health-endpoint finds the server where the framework's import is called", () => {
  it("reads `express, { Router }`, `new Koa()` and NestFactory.create", () => {
    for (const [code, line] of [
      [`import express, { Router } from "express";\nconst app = express();`, 2],
      [`const Koa = require("koa");\n\nconst app = new Koa();`, 3],
      [`import { NestFactory } from "@nestjs/core";\nawait NestFactory.create(AppModule);`, 2],
    ] as const) {
      expect(healthEndpointCheck.run(serviceContext({ "src/main.ts": code }))[0]?.line).toBe(line);
    }
  });
});
