// ESLint CLI configuration for the benchmark: the engine's own config for the ESLint rules Apprentice's
// default rubric runs, so `eslint` on the command line (the per-push CI alternative) is compared like for like.
// Loaded by `node --import tsx node_modules/eslint/bin/eslint.js -c bench/eslint-cli-config.mjs`.
import { eslintConfigFor } from "../src/review/eslint-runner.ts";
import { defaultRepoConfig } from "../src/contract/repo-config.ts";
import { checksById } from "../src/checks/registry.ts";
import { loadRubric } from "../src/rubric/load-rubric.ts";
import { eslintEntries } from "./eslint-entries.ts";

export default eslintConfigFor(eslintEntries(loadRubric("junior-backend", checksById), defaultRepoConfig));
