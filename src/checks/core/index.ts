import type { Check } from "../../contract/check.js";
import { parseErrorCheck } from "./parse-error.js";

/** Checks whose findings come from the engine itself rather than from a rule. */
export const coreChecks: readonly Check[] = [parseErrorCheck];
