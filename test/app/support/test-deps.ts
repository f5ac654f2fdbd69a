/**
 * The App's dependencies for tests: the real engine, config parser, rubric parser and renderers, with
 * the engine tests' small checks (debugger, ==, TODO) as the registry, so findings come from real
 * linting of the fake pull request's files and do not shift as the real checks evolve.
 */
import type { AppDeps } from "../../../src/app/app-deps.js";
import { createDefaultDeps } from "../../../src/app/default-deps.js";
import { review } from "../../../src/review/review.js";
import { parseRubric } from "../../../src/rubric/load-rubric.js";
import { testRegistry, testRubric } from "../../review/test-checks.js";

export function testDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    ...createDefaultDeps(),
    review: (input) => review(input, { registry: testRegistry }),
    builtinRubricIds: () => ["junior-backend"],
    loadBuiltinRubric: () => testRubric(),
    parseRubric: (text, file) => parseRubric(text, file, testRegistry),
    checkIds: () => [...testRegistry.keys()],
    // Writes that may have been applied are still checked and retried, with waits of a millisecond.
    writeRetryDelaysMs: [1, 1, 1, 1],
    readLesson: (id) =>
      id === "eq-test" ? "# Use ===\n\nCompare with === so no type conversion surprises you." : undefined,
    ...overrides,
  };
}
