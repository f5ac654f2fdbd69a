import { z } from "zod";
import { ConfigError } from "./config-error.js";
import { type TrustProxy, trustProxySetting } from "./http/trust-proxy.js";
import { DEFAULT_PORT } from "./project-defaults.js";

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(DEFAULT_PORT),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  TRUST_PROXY: trustProxySetting,
});

export interface Config {
  port: number;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  trustProxy: TrustProxy;
}

/** Reads the configuration from environment variables, with defaults for local use. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or CI file) means "not set".
  const setVariables = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = configSchema.safeParse(setVariables);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration: ${problems.join("; ")}`);
  }
  const values = result.data;
  return {
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    databaseUrl: values.DATABASE_URL,
    pgliteDataDir: values.PGLITE_DATA_DIR,
    trustProxy: values.TRUST_PROXY,
  };
}

/** What `npm run migrate` needs: the database settings (and the log level). */
export type MigrationConfig = Pick<Config, "logLevel" | "databaseUrl" | "pgliteDataDir">;

/** The configuration `npm run migrate` reads: here the same as the server's. */
export function loadMigrationConfig(env: NodeJS.ProcessEnv = process.env): MigrationConfig {
  return loadConfig(env);
}
