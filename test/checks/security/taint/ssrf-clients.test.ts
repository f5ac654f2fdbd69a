/** ssrf: HTTP clients reached through a NestJS HttpService or a conditional http/https module. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

describe("ssrf: more client shapes", () => {
  it("reports a URL from the body passed to an injected NestJS HttpService", () => {
    const code = [
      'import { Body, Controller, Post } from "@nestjs/common";',
      '@Controller("a")',
      "export class A {",
      "  constructor(private readonly http: HttpService) {}",
      '  @Post() fetch(@Body("url") url: string) {',
      "    return this.http.get(url);",
      "  }",
      "}",
      "",
    ].join("\n");
    expect([...findingLabels("src/a.controller.ts", code)]).toEqual(["ssrf:6"]);
  });

  it("reports http or https chosen by a conditional, and stays quiet for a fixed host", () => {
    const code = (url: string) =>
      `import http from "node:http";\nimport https from "node:https";\napp.get("/p", (req, res) => {\n  const src = ${url};\n  const client = src.startsWith("https") ? https : http;\n  client.get(src, (up) => up.pipe(res));\n});\n`;
    expect([...findingLabels("src/proxy.mjs", code("req.query.src"))]).toEqual(["ssrf:6"]);
    expect([
      ...findingLabels("src/proxy.mjs", code('"https://cdn.example.com/" + encodeURIComponent(req.query.src)')),
    ]).toEqual([]);
  });
});
