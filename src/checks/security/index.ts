import type { Check } from "../check.js";

/** Checks of the "security" criterion. */
export const securityChecks: readonly Check[] = [];
