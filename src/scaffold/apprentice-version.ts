import { readFileSync } from "node:fs";

/** Apprentice's own version, from its package.json. */
export function apprenticeVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
