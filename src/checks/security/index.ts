import type { Check } from "../check.js";
import { patternChecks } from "./patterns/index.js";

/** Checks of the "security" criterion. */
export const securityChecks: readonly Check[] = [
  ...patternChecks,
];
