import type { Rule } from "eslint";
import tseslint from "typescript-eslint";

/** A typescript-eslint plugin rule by name (without the `@typescript-eslint/` prefix), typed as an ESLint rule. */
export function typescriptEslintRule(name: string): Rule.RuleModule {
  // typescript-eslint types its plugin loosely for config compatibility; its rules are ESLint rule modules.
  const rules = (tseslint.plugin as unknown as { rules?: Record<string, unknown> }).rules;
  const rule = rules?.[name];
  if (!rule)
    throw new Error(`typescript-eslint rule "${name}" is missing from the installed typescript-eslint version`);
  return rule as unknown as Rule.RuleModule;
}
