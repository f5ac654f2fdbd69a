import type { Check } from "../../contract/check.js";
import { columnUnindexedCheck } from "./column-unindexed.js";
import { databasePraiseCheck } from "./database-praise.js";
import { fkWithoutIndexCheck } from "./fk-without-index.js";
import { migrationEditedCheck } from "./migration-edited.js";
import { nPlusOneCheck } from "./n-plus-one.js";
import { notNullWithoutDefaultCheck } from "./not-null-without-default.js";
import { poolClientLeakCheck } from "./pool-client-leak.js";
import { poolPerRequestCheck } from "./pool-per-request.js";
import { selectStarCheck } from "./select-star.js";
import { selectUnboundedCheck } from "./select-unbounded.js";
import { writesWithoutTransactionCheck } from "./writes-without-transaction.js";

/** Checks of the "database" criterion. */
export const databaseChecks: readonly Check[] = [
  nPlusOneCheck,
  fkWithoutIndexCheck,
  columnUnindexedCheck,
  notNullWithoutDefaultCheck,
  migrationEditedCheck,
  writesWithoutTransactionCheck,
  poolClientLeakCheck,
  poolPerRequestCheck,
  selectStarCheck,
  selectUnboundedCheck,
  databasePraiseCheck,
];
