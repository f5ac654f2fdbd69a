import type { Check } from "../../contract/check.js";
import { routeUntestedCheck } from "./route-untested.js";
import { testMissingCheck } from "./test-missing.js";
import { testOnlyCheck } from "./test-only.js";
import { testSkippedCheck } from "./test-skipped.js";
import { testTodoCheck } from "./test-todo.js";
import { testWithoutAssertionCheck } from "./test-without-assertion.js";
import { testsCompleteCheck } from "./tests-complete.js";

/** Checks of the "tests" criterion. */
export const testsChecks: readonly Check[] = [
  testMissingCheck,
  testWithoutAssertionCheck,
  testOnlyCheck,
  testSkippedCheck,
  testTodoCheck,
  routeUntestedCheck,
  testsCompleteCheck,
];
