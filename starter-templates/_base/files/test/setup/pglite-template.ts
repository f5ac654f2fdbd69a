import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createPgliteDb } from "../../src/db/pglite-db.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** An initialised, empty PGlite data folder; copy it (test/helpers/pglite-data-dir.ts), never open it. */
    pgliteTemplateDir: string;
  }
}

/**
 * Runs once before the test files (vitest.config.ts `globalSetup`): PGlite initialises one data folder
 * (initdb, seconds of CPU), and the tests that need a database folder of their own start from a copy
 * of it, which takes milliseconds.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const parent = mkdtempSync(join(tmpdir(), "pglite-template-"));
  const dataDir = join(parent, "data");
  const db = await createPgliteDb(dataDir);
  await db.close();
  project.provide("pgliteTemplateDir", dataDir);
  return () => rmSync(parent, { recursive: true, force: true });
}
