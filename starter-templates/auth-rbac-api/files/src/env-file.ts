import { existsSync } from "node:fs";

/** Loads `.env` into process.env when the file exists (variables already set win). */
export function loadEnvFileIfPresent(path = ".env"): boolean {
  if (!existsSync(path)) {
    return false;
  }
  process.loadEnvFile(path);
  return true;
}
