import type { Check } from "../../contract/check.js";
import { envScatteredCheck } from "./env-scattered.js";
import { errorSwallowedCheck } from "./error-swallowed.js";
import { healthEndpointCheck } from "./health-endpoint.js";
import { readmeSectionsCheck } from "./readme-sections.js";
import { requestLoggingCheck } from "./request-logging.js";
import { secretLoggedCheck } from "./secret-logged.js";

/** Checks of the "operations" criterion. */
export const operationsChecks: readonly Check[] = [
  errorSwallowedCheck,
  secretLoggedCheck,
  requestLoggingCheck,
  healthEndpointCheck,
  envScatteredCheck,
  readmeSectionsCheck,
];
