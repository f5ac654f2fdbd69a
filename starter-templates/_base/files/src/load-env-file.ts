import { existsSync } from "node:fs";

/** Loads variables from `.env` into `process.env` when the file exists; real environment variables win. */
export function loadEnvFile(path = ".env"): void {
  if (existsSync(path)) {
    process.loadEnvFile(path);
  }
}
