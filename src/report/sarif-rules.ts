import type { Check } from "../contract/check.js";
import { allChecks } from "../checks/registry.js";
import { lessonUrl } from "../review/lesson-url.js";
import type { SarifRuleInfo } from "./render-sarif.js";

/** The rule descriptions SARIF needs, from the check registry (every check Apprentice knows). */
export function sarifRulesFromChecks(checks: readonly Check[] = allChecks): SarifRuleInfo[] {
  return checks.map((check) => ({
    id: check.id,
    description: check.description,
    lessonUrl: lessonUrl(check.id),
    criterion: check.criterion,
    ...(check.category ? { category: check.category } : {}),
  }));
}
