import type { FunctionCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { moduleTestStatus } from "../shared/module-test-status.js";
import { moduleTestOptionsSchema } from "./module-test-options.js";

/** Praise, once per review, when every changed application module has a test. */
export const testsCompleteCheck: FunctionCheck = {
  kind: "function",
  id: "tests-complete",
  criterion: "tests",
  description: "Every changed application module has a test that exercises it (praise).",
  defaultLevel: "celebratory",
  options: moduleTestOptionsSchema,
  languages: ["js"],
  run(context) {
    const options = checkOptions(moduleTestOptionsSchema, context.options, "tests-complete");
    const modules = moduleTestStatus(context, options);
    const first = modules[0];
    if (!first || modules.some((module) => module.testedBy.length === 0)) return [];
    const count =
      modules.length === 1
        ? "the module you changed has a test that exercises it"
        : `all ${modules.length} modules you changed have tests that exercise them`;
    return [
      {
        messageId: "allTested",
        message:
          `Well done: ${count} (\`${first.path}\` is covered by \`${first.testedBy[0]}\`). ` +
          "Keep writing the test together with the code: it is what lets you change this code later without fear.",
        path: first.path,
        line: 1,
        scope: "file",
        level: "celebratory",
      },
    ];
  },
};
