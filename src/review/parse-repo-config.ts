import { parseWith } from "../validation/validation-error.js";
import { type RepoConfig, repoConfigSchema } from "../contract/repo-config.js";

/** Validates `.github/apprentice.yml` data (already parsed from YAML); missing file -> pass `{}` or undefined. */
export function parseRepoConfig(data: unknown, file: string): RepoConfig {
  return parseWith(repoConfigSchema, data ?? {}, file);
}
