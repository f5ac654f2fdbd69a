import type { Check } from "../../contract/check.js";
import { patternChecks } from "./patterns/index.js";
import { taintChecks } from "./taint/index.js";

/** Checks of the "security" criterion. */
export const securityChecks: readonly Check[] = [...taintChecks, ...patternChecks];
