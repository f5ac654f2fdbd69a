import type { Check } from "../../contract/check.js";
import { commentedOutCodeCheck } from "./commented-out-code.js";
import { complexityCheck } from "./complexity.js";
import { consoleLogCheck } from "./console-log.js";
import { emptyCatchCheck } from "./empty-catch.js";
import { longFunctionCheck } from "./long-function.js";
import { maxDepthCheck } from "./max-depth.js";
import { maxParamsCheck } from "./max-params.js";
import { noExplicitAnyCheck } from "./no-explicit-any.js";
import { noVarCheck } from "./no-var.js";
import { strictEqualityCheck } from "./strict-equality.js";
import { unusedCodeCheck } from "./unused-code.js";

/** Checks of the "clean-code" criterion. */
export const cleanCodeChecks: readonly Check[] = [
  complexityCheck,
  maxDepthCheck,
  longFunctionCheck,
  maxParamsCheck,
  unusedCodeCheck,
  strictEqualityCheck,
  noVarCheck,
  noExplicitAnyCheck,
  emptyCatchCheck,
  consoleLogCheck,
  commentedOutCodeCheck,
];
