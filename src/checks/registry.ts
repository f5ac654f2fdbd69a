import type { Check } from "../contract/check.js";
import { apiDesignChecks } from "./api-design/index.js";
import { cleanCodeChecks } from "./clean-code/index.js";
import { coreChecks } from "./core/index.js";
import { operationsChecks } from "./operations/index.js";
import { databaseChecks } from "./database/index.js";
import { securityChecks } from "./security/index.js";
import { testsChecks } from "./tests/index.js";

/** Every check Apprentice knows, by id. Rubrics may only name ids listed here. */
export const allChecks: readonly Check[] = [
  ...coreChecks,
  ...testsChecks,
  ...securityChecks,
  ...cleanCodeChecks,
  ...apiDesignChecks,
  ...operationsChecks,
  ...databaseChecks,
];

export const checksById: ReadonlyMap<string, Check> = new Map(allChecks.map((check) => [check.id, check]));
