import { posix } from "node:path";
import { isTestFile } from "../shared/is-test-file.js";

/**
 * Where a test for a module would go, following the repository's habit: under `test/` (mirroring
 * `src/`) when the repository keeps its tests there, next to the module otherwise.
 */
export function suggestedTestPath(modulePath: string, repoPaths: readonly string[]): string {
  const extension = posix.extname(modulePath);
  const stem = modulePath.slice(0, -extension.length);
  const testRoot = ["test", "tests", "__tests__"].find((root) =>
    repoPaths.some((path) => path.startsWith(`${root}/`) && isTestFile(path)),
  );
  if (!testRoot) return `${stem}.test${extension}`;
  const inside = stem.replace(/^src\//, "");
  return `${testRoot}/${inside}.test${extension}`;
}
