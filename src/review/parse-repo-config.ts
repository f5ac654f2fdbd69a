import { parseWith } from "../validation/validation-error.js";
import { repoConfigSchema, type RepoConfig } from "./repo-config.js";

/** Validates `.github/apprentice.yml` data (already parsed from YAML); missing file -> pass `{}` or undefined. */
export function parseRepoConfig(data: unknown, file: string): RepoConfig {
  return parseWith(repoConfigSchema, data ?? {}, file);
}
