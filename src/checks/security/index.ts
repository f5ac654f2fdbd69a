import type { Check } from "../check.js";
import { taintChecks } from "./taint/index.js";

/** Checks of the "security" criterion. */
export const securityChecks: readonly Check[] = [
  ...taintChecks,
];
