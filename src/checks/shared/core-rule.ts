import type { Rule } from "eslint";
import { builtinRules } from "eslint/use-at-your-own-risk";

/** An ESLint core rule by name; throws at load time if this ESLint version lacks it. */
export function coreRule(name: string): Rule.RuleModule {
  const rule = builtinRules.get(name);
  if (!rule) throw new Error(`ESLint core rule "${name}" is missing from the installed ESLint version`);
  return rule;
}
