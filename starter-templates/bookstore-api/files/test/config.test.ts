import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { DEFAULT_PORT } from "../src/project-defaults.js";

describe("loadConfig", () => {
  it("uses local defaults when nothing is set", () => {
    expect(loadConfig({})).toEqual({
      port: DEFAULT_PORT,
      logLevel: "info",
      databaseUrl: undefined,
      pgliteDataDir: ".data/pglite",
      trustProxy: false,
    });
  });

  it("reads and converts the environment variables", () => {
    const config = loadConfig({
      PORT: "8080",
      LOG_LEVEL: "debug",
      DATABASE_URL: "postgres://app@db.example:5432/bookstore",
      PGLITE_DATA_DIR: "/tmp/bookstore",
      TRUST_PROXY: "1",
    });
    expect(config).toEqual({
      port: 8080,
      logLevel: "debug",
      databaseUrl: "postgres://app@db.example:5432/bookstore",
      pgliteDataDir: "/tmp/bookstore",
      trustProxy: 1,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: undefined, port: DEFAULT_PORT });
  });

  it("names every invalid variable in one error", () => {
    expect(() => loadConfig({ PORT: "eighty", LOG_LEVEL: "loud" })).toThrow(/PORT: .*; LOG_LEVEL: /);
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://localhost/bookstore" })).toThrow(/DATABASE_URL/);
  });
});
