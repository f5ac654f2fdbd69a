import type { CheckMeta } from "../contract/check.js";
import { lessonUrl } from "../contract/lesson-url.js";
import type { SarifRuleInfo } from "./render-sarif.js";

/**
 * The rule descriptions SARIF needs, from the checks' metadata. The front end passes the checks it reviews with
 * (the CLI: every check in src/checks/registry.ts); the report layer never reaches into the registry itself.
 */
export function sarifRulesFromChecks(checks: readonly CheckMeta[]): SarifRuleInfo[] {
  return checks.map((check) => ({
    id: check.id,
    description: check.description,
    lessonUrl: lessonUrl(check.id),
    criterion: check.criterion,
    ...(check.category ? { category: check.category } : {}),
  }));
}
