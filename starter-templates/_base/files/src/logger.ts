import { pino, type DestinationStream, type LevelWithSilent, type Logger } from "pino";
import { SERVICE_NAME } from "./project-defaults.js";

/** Paths that may hold secrets; pino replaces their values before a line is written. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  ...["password", "passwordHash", "token", "accessToken", "refreshToken"].flatMap((key) => [key, `*.${key}`]),
];

/** A JSON logger on stdout (or on `destination`, which tests use to read what was logged). */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  const options = { name: SERVICE_NAME, level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}
