import type { Check } from "../check.js";

/** Checks of the "clean-code" criterion. */
export const cleanCodeChecks: readonly Check[] = [];
