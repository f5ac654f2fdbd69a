import type { EslintCheck } from "../src/contract/check.js";
import type { RepoConfig } from "../src/contract/repo-config.js";
import type { Rubric } from "../src/contract/rubric-schema.js";
import { enabledChecks } from "../src/review/enabled-checks.js";
import type { EnabledEslintCheck } from "../src/review/eslint-runner.js";
import { checksById } from "../src/checks/registry.js";

/** The ESLint-backed checks a rubric enables, with their options: what the engine's Linter runs. */
export function eslintEntries(rubric: Rubric, config: RepoConfig): EnabledEslintCheck[] {
  return enabledChecks(rubric, config, checksById)
    .filter((entry): entry is typeof entry & { check: EslintCheck } => entry.check.kind === "eslint")
    .map(({ check, options }) => ({ check, options }));
}
