import type { Check } from "../../contract/check.js";
import { apiDesignPraiseCheck } from "./api-design-praise.js";
import { bodyUnvalidatedCheck } from "./body-unvalidated.js";
import { createStatusCheck } from "./create-status.js";
import { errorShapeCheck } from "./error-shape.js";
import { errorStatusCheck } from "./error-status.js";
import { listUnboundedCheck } from "./list-unbounded.js";
import { methodMismatchCheck } from "./method-mismatch.js";
import { notFoundStatusCheck } from "./not-found-status.js";
import { openapiDriftCheck } from "./openapi-drift.js";
import { routeNamingCheck } from "./route-naming.js";

/** Checks of the "api-design" criterion. */
export const apiDesignChecks: readonly Check[] = [
  createStatusCheck,
  notFoundStatusCheck,
  errorStatusCheck,
  errorShapeCheck,
  bodyUnvalidatedCheck,
  listUnboundedCheck,
  routeNamingCheck,
  methodMismatchCheck,
  openapiDriftCheck,
  apiDesignPraiseCheck,
];
