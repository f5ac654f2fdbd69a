import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { DEFAULT_PORT } from "../src/project-defaults.js";

const LONG_SECRET = "x".repeat(40);

describe("loadConfig", () => {
  it("has defaults that work for local development", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      port: DEFAULT_PORT,
      databaseUrl: undefined,
      pgliteDataDir: ".data/pglite",
      bcryptCost: 12,
      refreshTokenTtlDays: 14,
      loginRateLimit: { maxAttempts: 5, windowMs: 900_000 },
    });
    expect(config.jwt.accessTokenTtlSeconds).toBe(900);
  });

  it("generates a random JWT secret outside production when none is set", () => {
    const first = loadConfig({});
    const second = loadConfig({ JWT_SECRET: "" });
    expect(first.jwt.secretWasGenerated).toBe(true);
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.jwt.secret).equals(Buffer.from(second.jwt.secret))).toBe(false);
  });

  it("uses the configured JWT secret", () => {
    const config = loadConfig({ JWT_SECRET: LONG_SECRET });
    expect(config.jwt.secretWasGenerated).toBe(false);
    expect(new TextDecoder().decode(config.jwt.secret)).toBe(LONG_SECRET);
  });

  it("requires a JWT secret in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: LONG_SECRET }).env).toBe("production");
  });

  it("turns numbers from the environment into numbers", () => {
    const config = loadConfig({ PORT: "8080", DATABASE_URL: "postgres://localhost/app", LOGIN_WINDOW_SECONDS: "60" });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe("postgres://localhost/app");
    expect(config.loginRateLimit.windowMs).toBe(60_000);
  });

  it("names every invalid variable", () => {
    const attempt = () => loadConfig({ PORT: "http", JWT_SECRET: "short", BCRYPT_COST: "2" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT: .*; JWT_SECRET: .*; BCRYPT_COST: /);
  });
});
