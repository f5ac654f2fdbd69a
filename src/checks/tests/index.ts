import type { Check } from "../check.js";

/** Checks of the "tests" criterion. */
export const testsChecks: readonly Check[] = [];
