import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ConfigError } from "./config-error.js";
import { type TrustProxy, trustProxySetting } from "./http/trust-proxy.js";
import { DEFAULT_PORT } from "./project-defaults.js";

export { ConfigError } from "./config-error.js";

/** Below 10, an offline attacker with a leaked hash tries passwords too fast (OWASP asks for 10 or more). */
export const MIN_PRODUCTION_BCRYPT_COST = 10;
/** HS256 needs a key at least as long as its 256-bit output; 32 characters is the floor. */
export const MIN_JWT_SECRET_LENGTH = 32;

const ENVIRONMENTS = ["development", "test", "production"] as const;
export type AppEnv = (typeof ENVIRONMENTS)[number];

const emptyAsUndefined = (value: unknown): unknown => (value === "" ? undefined : value);

const envSchema = z.object({
  APP_ENV: z.preprocess(emptyAsUndefined, z.enum(ENVIRONMENTS).optional()),
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(ENVIRONMENTS).optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORT),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  TRUST_PROXY: trustProxySetting,
  JWT_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(MIN_JWT_SECRET_LENGTH, `use at least ${MIN_JWT_SECRET_LENGTH} random characters`).optional(),
  ),
  JWT_ISSUER: z.string().min(1).default("auth-api"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  REGISTER_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  REGISTER_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
});

export interface RateLimit {
  maxAttempts: number;
  windowMs: number;
}

export interface Config {
  env: AppEnv;
  port: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  trustProxy: TrustProxy;
  jwt: { secret: Uint8Array; issuer: string; accessTokenTtlSeconds: number };
  refreshTokenTtlDays: number;
  bcryptCost: number;
  /** Failed logins per client address and e-mail, and per client address over all e-mails. */
  loginRateLimit: RateLimit & { maxAttemptsPerAddress: number };
  registerRateLimit: RateLimit;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
}

const GENERATE_SECRET_HINT = `node -e "console.log(require('node:crypto').randomBytes(48).toString('base64url'))"`;

/**
 * Reads and validates the configuration from environment variables, once, at startup.
 *
 * Fail closed: APP_ENV, else NODE_ENV, names the environment, and when neither is set the
 * production rules apply. Only the test suite (NODE_ENV=test) runs without a JWT secret, on a
 * random one; a server never invents one, or every restart and every second instance would
 * silently reject the tokens of the others.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  }
  const values = parsed.data;
  const appEnv = values.APP_ENV ?? values.NODE_ENV ?? "production";
  if (appEnv !== "test" && values.JWT_SECRET === undefined) {
    throw new ConfigError(
      `JWT_SECRET is not set (environment: ${appEnv}): set at least ${MIN_JWT_SECRET_LENGTH} random characters, ` +
        `for example from ${GENERATE_SECRET_HINT}`,
    );
  }
  if (appEnv === "production" && values.BCRYPT_COST < MIN_PRODUCTION_BCRYPT_COST) {
    throw new ConfigError(
      `BCRYPT_COST=${values.BCRYPT_COST} is too cheap for production: use at least ${MIN_PRODUCTION_BCRYPT_COST}`,
    );
  }
  const secret = values.JWT_SECRET ?? randomBytes(48).toString("base64url");
  return {
    env: appEnv,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    databaseUrl: values.DATABASE_URL,
    pgliteDataDir: values.PGLITE_DATA_DIR,
    trustProxy: values.TRUST_PROXY,
    jwt: {
      secret: new TextEncoder().encode(secret),
      issuer: values.JWT_ISSUER,
      accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    },
    refreshTokenTtlDays: values.REFRESH_TOKEN_TTL_DAYS,
    bcryptCost: values.BCRYPT_COST,
    loginRateLimit: {
      maxAttempts: values.LOGIN_MAX_ATTEMPTS,
      maxAttemptsPerAddress: values.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
      windowMs: values.LOGIN_WINDOW_SECONDS * 1000,
    },
    registerRateLimit: { maxAttempts: values.REGISTER_MAX_ATTEMPTS, windowMs: values.REGISTER_WINDOW_SECONDS * 1000 },
  };
}

/** What `npm run migrate` needs: the database settings (and the log level). */
export type MigrationConfig = Pick<Config, "logLevel" | "databaseUrl" | "pgliteDataDir">;

/**
 * The configuration `npm run migrate` reads: the database settings only. Applying migrations signs no token,
 * so it runs before the learner has put a JWT_SECRET in .env (the scaffolder migrates right after installing).
 */
export function loadMigrationConfig(env: NodeJS.ProcessEnv = process.env): MigrationConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  }
  return {
    logLevel: parsed.data.LOG_LEVEL,
    databaseUrl: parsed.data.DATABASE_URL,
    pgliteDataDir: parsed.data.PGLITE_DATA_DIR,
  };
}
