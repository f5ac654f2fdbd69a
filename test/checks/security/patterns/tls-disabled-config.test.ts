import { describe, expect, it } from "vitest";
import type { Language } from "../../../../src/contract/check.js";
import { tlsDisabledConfig } from "../../../../src/checks/security/patterns/tls-disabled-config.js";

function run(path: string, content: string, language: Language = "text") {
  return tlsDisabledConfig.run({
    files: [{ path, content, language, status: "added", addedLines: new Set() }],
    repoPaths: [path],
    relatedFiles: [],
    options: {},
  });
}

describe("tls-disabled-config", () => {
  it("reports NODE_TLS_REJECT_UNAUTHORIZED=0 in .env files, scripts and Dockerfiles, on the right line", () => {
    expect(run(".env", "PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0\n", "env").map((f) => [f.line, f.category])).toEqual([
      [2, "tls-disabled"],
    ]);
    expect(run("start.sh", "export NODE_TLS_REJECT_UNAUTHORIZED='0'\nnode server.js")).toHaveLength(1);
    expect(run("Dockerfile", "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0")[0]?.line).toBe(2);
  });

  it("reports strict-ssl=false in .npmrc and rejectUnauthorized: false in config files", () => {
    expect(run(".npmrc", "registry=https://npm.internal\nstrict-ssl=false\n")[0]?.line).toBe(2);
    expect(run("config/production.json", '{\n  "db": { "ssl": { "rejectUnauthorized": false } }\n}')[0]?.line).toBe(2);
  });

  it("does not report verification left on, comments or documentation", () => {
    expect(run(".env", "NODE_TLS_REJECT_UNAUTHORIZED=1\n# NODE_TLS_REJECT_UNAUTHORIZED=0 is forbidden", "env")).toEqual(
      [],
    );
    expect(run("docs/TLS.md", "Never set NODE_TLS_REJECT_UNAUTHORIZED=0.")).toEqual([]);
    expect(run("config/default.json", '{ "ssl": { "rejectUnauthorized": true } }')).toEqual([]);
  });
});
