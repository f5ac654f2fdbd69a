import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadMigrationConfig, MIN_PRODUCTION_BCRYPT_COST } from "../src/config.js";
import { DEFAULT_PORT } from "../src/project-defaults.js";

const LONG_SECRET = "x".repeat(40);

describe("loadConfig", () => {
  it("applies the production rules when neither APP_ENV nor NODE_ENV is set (fail closed)", () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/^JWT_SECRET is not set \(environment: production\)/);
    expect(loadConfig({ JWT_SECRET: LONG_SECRET }).env).toBe("production");
    expect(() => loadConfig({ JWT_SECRET: LONG_SECRET, BCRYPT_COST: "9" })).toThrow(/BCRYPT_COST=9 .*at least 10/);
  });

  it("lets APP_ENV override NODE_ENV", () => {
    expect(loadConfig({ APP_ENV: "production", NODE_ENV: "development", JWT_SECRET: LONG_SECRET }).env).toBe("production");
    expect(() => loadConfig({ APP_ENV: "production", NODE_ENV: "test" })).toThrow(/JWT_SECRET is not set/);
    expect(loadConfig({ APP_ENV: "development", JWT_SECRET: LONG_SECRET, BCRYPT_COST: "4" }).env).toBe("development");
  });

  it("refuses a BCRYPT_COST below 10 in production only", () => {
    expect(MIN_PRODUCTION_BCRYPT_COST).toBe(10);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: LONG_SECRET, BCRYPT_COST: "9" })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: LONG_SECRET, BCRYPT_COST: "10" }).bcryptCost).toBe(10);
    expect(loadConfig({ NODE_ENV: "development", JWT_SECRET: LONG_SECRET, BCRYPT_COST: "4" }).bcryptCost).toBe(4);
  });

  it("requires a JWT secret in development too: only the tests get a random one", () => {
    expect(() => loadConfig({ NODE_ENV: "development" })).toThrow(/JWT_SECRET is not set \(environment: development\)/);
    const first = loadConfig({ NODE_ENV: "test" });
    const second = loadConfig({ NODE_ENV: "test", JWT_SECRET: "" });
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.jwt.secret).equals(Buffer.from(second.jwt.secret))).toBe(false);
  });

  it("refuses a JWT secret shorter than 32 characters, without echoing it", () => {
    const attempt = () => loadConfig({ NODE_ENV: "production", JWT_SECRET: "s3cret-but-short" });
    expect(attempt).toThrow(/JWT_SECRET: use at least 32 random characters/);
    expect(attempt).not.toThrow(/s3cret-but-short/);
  });

  it("has defaults for everything else", () => {
    const config = loadConfig({ NODE_ENV: "development", JWT_SECRET: LONG_SECRET });
    expect(config).toMatchObject({
      env: "development",
      port: DEFAULT_PORT,
      databaseUrl: undefined,
      pgliteDataDir: ".data/pglite",
      trustProxy: false,
      bcryptCost: 12,
      refreshTokenTtlDays: 14,
      loginRateLimit: { maxAttempts: 5, maxAttemptsPerAddress: 50, windowMs: 900_000 },
      registerRateLimit: { maxAttempts: 10, windowMs: 3_600_000 },
    });
    expect(config.jwt.accessTokenTtlSeconds).toBe(900);
    expect(new TextDecoder().decode(config.jwt.secret)).toBe(LONG_SECRET);
  });

  it("turns numbers from the environment into numbers", () => {
    const config = loadConfig({
      JWT_SECRET: LONG_SECRET,
      PORT: "8080",
      DATABASE_URL: "postgres://localhost/app",
      LOGIN_WINDOW_SECONDS: "60",
      TRUST_PROXY: "1",
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe("postgres://localhost/app");
    expect(config.loginRateLimit.windowMs).toBe(60_000);
    expect(config.trustProxy).toBe(1);
  });

  it("names every invalid variable", () => {
    const attempt = () => loadConfig({ PORT: "http", JWT_SECRET: "short", BCRYPT_COST: "2", TRUST_PROXY: "true" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT: .*; TRUST_PROXY: .*; JWT_SECRET: .*; BCRYPT_COST: /);
  });
});

describe("loadMigrationConfig", () => {
  it("reads the database settings without a JWT secret (migrations sign no token), and still checks them", () => {
    expect(loadMigrationConfig({})).toEqual({ logLevel: "info", databaseUrl: undefined, pgliteDataDir: ".data/pglite" });
    expect(loadMigrationConfig({ DATABASE_URL: "postgres://app@db:5432/app" }).databaseUrl).toBe(
      "postgres://app@db:5432/app",
    );
    expect(() => loadMigrationConfig({ DATABASE_URL: "not a url" })).toThrow(ConfigError);
  });
});
