import { unknownCheckExpected } from "../validation/unknown-check-expected.js";
import { parseWith, ValidationError, type ValidationIssue } from "../validation/validation-error.js";
import { type RepoConfig, repoConfigSchema } from "../contract/repo-config.js";

/**
 * Validates `.github/apprentice.yml` data (already parsed from YAML); missing file -> pass `{}` or undefined.
 * With `knownCheckIds`, every key under `checks:` must be one of them.
 */
export function parseRepoConfig(data: unknown, file: string, knownCheckIds?: Iterable<string>): RepoConfig {
  const config = parseWith(repoConfigSchema, data ?? {}, file);
  if (knownCheckIds === undefined) return config;
  const known = [...knownCheckIds];
  const issues: ValidationIssue[] = Object.keys(config.checks)
    .filter((id) => !known.includes(id))
    .map((id) => ({ path: `checks.${id}`, expected: unknownCheckExpected(id, known), received: JSON.stringify(id) }));
  if (issues.length > 0) throw new ValidationError(file, issues);
  return config;
}
