import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_PORT } from "./project-defaults.js";

const emptyAsUndefined = (value: unknown): unknown => (value === "" ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORT),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
  JWT_ISSUER: z.string().min(1).default("auth-api"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
});

export interface Config {
  env: "development" | "test" | "production";
  port: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  jwt: { secret: Uint8Array; issuer: string; accessTokenTtlSeconds: number; secretWasGenerated: boolean };
  refreshTokenTtlDays: number;
  bcryptCost: number;
  loginRateLimit: { maxAttempts: number; windowMs: number };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
}

/** Reads and validates the configuration from environment variables, once, at startup. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment: ${describeIssues(parsed.error)}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production" && values.JWT_SECRET === undefined) {
    throw new ConfigError("Invalid environment: JWT_SECRET is required when NODE_ENV=production (at least 32 characters)");
  }
  const secretWasGenerated = values.JWT_SECRET === undefined;
  const secret = values.JWT_SECRET ?? randomBytes(48).toString("base64url");
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    databaseUrl: values.DATABASE_URL,
    pgliteDataDir: values.PGLITE_DATA_DIR,
    jwt: {
      secret: new TextEncoder().encode(secret),
      issuer: values.JWT_ISSUER,
      accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
      secretWasGenerated,
    },
    refreshTokenTtlDays: values.REFRESH_TOKEN_TTL_DAYS,
    bcryptCost: values.BCRYPT_COST,
    loginRateLimit: { maxAttempts: values.LOGIN_MAX_ATTEMPTS, windowMs: values.LOGIN_WINDOW_SECONDS * 1000 },
  };
}
