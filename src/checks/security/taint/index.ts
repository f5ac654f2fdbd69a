/** The taint-tracking security checks: one ESLint rule per taint category of the table in src/contract/security-categories.ts, sharing one analysis, plus template XSS. */
import type { Check } from "../../../contract/check.js";
import { TAINT_CATEGORIES } from "../../../contract/security-categories.js";
import { createTaintCheck } from "./create-taint-check.js";
import { xssTemplateCheck } from "./templates/xss-template-check.js";

export const taintChecks: readonly Check[] = [...TAINT_CATEGORIES.map(createTaintCheck), xssTemplateCheck];
