import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { filteredRule } from "../shared/filtered-rule.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isCliEntryPoint } from "../shared/is-cli-entry-point.js";
import { isDeliberateOutput } from "./deliberate-output.js";
import { withErrorOutput } from "./error-output.js";

/** Example and demo folders print to show what the code does. */
const EXAMPLES = /(^|\/)(examples?|demos?|samples?)\//;

const optionsSchema = z.strictObject({
  allow: z.array(z.string()).default(["warn", "error"]).describe("console methods application code may call."),
});

/** Debugging output left in application code, through ESLint's `no-console` (which suggests removing the call). */
export const consoleLogCheck: EslintCheck = {
  kind: "eslint",
  id: "console-log",
  criterion: "clean-code",
  description:
    "`console.log` is left in application code (tests, scripts, CLI entry points, examples and startup or shutdown lines may print).",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: filteredRule(withErrorOutput(coreRule("no-console")), {
    names: ["no-console"],
    skip: (node, context) => isDeliberateOutput(node, context),
  }),
  ruleOptions: (options) => [{ allow: checkOptions(optionsSchema, options, "console-log").allow }],
  appliesTo: (path) => isApplicationCode(path) && !isCliEntryPoint(path) && !EXAMPLES.test(path),
  // A status line is a habit to improve (use a logger), not debugging output left behind.
  levelOf: ({ messageId }) => (messageId === "statusLine" ? "informative" : undefined),
  learnerMessage: ({ messageId }) =>
    messageId === "statusLine"
      ? 'Print status lines like this one through a logger with a level (for example `logger.info({ count }, "cleaned up sessions")` with pino). ' +
        "A logger adds the time and level, writes JSON that log tools can search, and lets production turn the chatter down without a code change."
      : messageId === "errorOnLog"
        ? 'Log this error as an error: through the app\'s logger (for example `logger.error({ err }, "what failed")` with pino), ' +
          "or at least with `console.error`. Printed at log level, an error looks like routine output: " +
          "log tools that filter by level hide it, and nobody is alerted."
        : "Remove this `console` call once you are done debugging, or log through the app's logger (for example pino) with a level and context. " +
          "Stray console output clutters the server logs, can leak request data, and cannot be turned down in production.",
};
