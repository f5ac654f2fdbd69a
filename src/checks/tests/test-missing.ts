import type { FunctionCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { isTestFile } from "../shared/is-test-file.js";
import { moduleTestStatus } from "../shared/module-test-status.js";
import { moduleTestOptionsSchema } from "./module-test-options.js";
import { suggestedTestPath } from "./suggested-test-path.js";

/** Changed application modules that no test imports, exercises or is named after. */
export const testMissingCheck: FunctionCheck = {
  kind: "function",
  id: "test-missing",
  criterion: "tests",
  description:
    "A changed application module has no test that imports or exercises it (route modules: see route-untested).",
  defaultLevel: "actionable",
  options: moduleTestOptionsSchema,
  languages: ["js"],
  run(context) {
    const options = checkOptions(moduleTestOptionsSchema, context.options, "test-missing");
    const status = moduleTestStatus(context, options);
    const anyTest = [
      ...context.repoPaths,
      ...context.relatedFiles.map((file) => file.path),
      ...context.files.map((file) => file.path),
    ].some(isTestFile);
    const first = status[0];
    if (!anyTest && first) {
      // No test at all is one root cause: one finding that lists what to test, not one per module and route.
      const listed = status
        .slice(0, 12)
        .map((module) => `\`${module.path}\`${module.definesRoutes ? " (its routes)" : ""}`);
      const more = status.length > 12 ? `, and ${status.length - 12} more` : "";
      return [
        {
          messageId: "noTests",
          message:
            `Add a first test: this project has none yet. Start with the module that matters most, for example \`${suggestedTestPath(first.path, context.repoPaths)}\`, ` +
            `then cover ${listed.join(", ")}${more}. Tests tell you the moment a change breaks something, and show the next reader how the code is meant to be used.`,
          path: first.path,
          line: 1,
          scope: "file" as const,
        },
      ];
    }
    return (
      status
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
        }))
    );
  },
};
