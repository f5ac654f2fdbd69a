// ESLint CLI configuration for the benchmark: exactly the ESLint rules Apprentice's default rubric runs,
// so `eslint` on the command line (the per-push CI alternative) is compared like for like.
// Loaded by `node --import tsx node_modules/eslint/bin/eslint.js -c bench/eslint-cli-config.mjs`.
import tseslint from "typescript-eslint";
import { enabledChecks } from "../src/review/enabled-checks.ts";
import { defaultRepoConfig } from "../src/review/repo-config.ts";
import { loadRubric } from "../src/rubric/load-rubric.ts";

const eslintChecks = enabledChecks(loadRubric("junior-backend"), defaultRepoConfig).filter(({ check }) => check.kind === "eslint");

export default [
  {
    files: ["**/*.ts", "**/*.js"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { apprentice: { rules: Object.fromEntries(eslintChecks.map(({ check }) => [check.id, check.rule])) } },
    rules: Object.fromEntries(eslintChecks.map(({ check, options }) => [`apprentice/${check.id}`, ["warn", ...(check.ruleOptions?.(options) ?? [])]])),
  },
];
