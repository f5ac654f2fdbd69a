import type { FunctionCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { moduleTestStatus } from "../shared/module-test-status.js";
import { moduleTestOptionsSchema } from "./module-test-options.js";
import { suggestedTestPath } from "./suggested-test-path.js";

/** Changed application modules that no test imports, exercises or is named after. */
export const testMissingCheck: FunctionCheck = {
  kind: "function",
  id: "test-missing",
  criterion: "tests",
  description: "A changed application module has no test that imports or exercises it (route modules: see route-untested).",
  defaultLevel: "actionable",
  options: moduleTestOptionsSchema,
  languages: ["js"],
  run(context) {
    const options = checkOptions(moduleTestOptionsSchema, context.options, "test-missing");
    return moduleTestStatus(context, options)
      // Route modules without tests are reported route by route by route-untested, more precisely.
      .filter((module) => module.testedBy.length === 0 && !module.definesRoutes)
      .map((module) => ({
        messageId: "missingTest",
        message:
          `Add a test for \`${module.path}\`, for example \`${suggestedTestPath(module.path, context.repoPaths)}\`, that imports it ` +
          "(or calls the routes it serves) and checks what it returns. A test tells you the moment a later change breaks this module, " +
          "and shows the next reader how it is meant to be used.",
        path: module.path,
        line: 1,
        scope: "file" as const,
      }));
  },
};
