import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";

export const VALID_TEMPLATES = resolve(import.meta.dirname, "../../fixtures/templates/valid");
export const INVALID_TEMPLATES = resolve(import.meta.dirname, "../../fixtures/templates/invalid");

/** A fresh temporary folder, removed after the current test. Call inside a test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "apprentice-scaffold-test-"));
    made.push(dir);
    return dir;
  };
}
