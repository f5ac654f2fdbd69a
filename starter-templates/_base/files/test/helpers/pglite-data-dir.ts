import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

/**
 * A new PGlite data folder, already initialised and empty: a copy of the one test/setup/pglite-template.ts
 * made before the run. Opening it skips initdb, so a test that needs a database on disk starts in well
 * under a second. Returns the folder's path (`<temp>/data`); the caller removes `<temp>` when it wants to.
 */
export function freshPgliteDataDir(prefix = "pglite-"): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), prefix)), "data");
  cpSync(inject("pgliteTemplateDir"), dataDir, { recursive: true });
  return dataDir;
}
