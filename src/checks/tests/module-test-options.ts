import { z } from "zod";

/** Entry points that only start the server: they are exercised by running the app, not by unit tests. */
export const DEFAULT_UNTESTED_MODULES = ["**/server.{js,ts,mjs,cjs,mts,cts}", "**/main.{js,ts,mjs,cjs,mts,cts}"];

/** Options shared by `test-missing` and `tests-complete`. */
export const moduleTestOptionsSchema = z.strictObject({
  ignore: z
    .array(z.string())
    .default(DEFAULT_UNTESTED_MODULES)
    .describe("Glob patterns of modules that need no test of their own."),
});
