import { pino, type Logger } from "pino";

/** Paths that must never reach the logs, whatever a handler or library decides to log. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "password",
  "passwordHash",
  "refreshToken",
  "accessToken",
  "*.password",
  "*.passwordHash",
  "*.refreshToken",
  "*.accessToken",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
