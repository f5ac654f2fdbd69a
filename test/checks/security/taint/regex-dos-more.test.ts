/** regex-dos: catastrophic patterns in validators. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

describe("regex-dos: validators", () => {
  it("reports a catastrophic pattern run on a validator's parameter, not a safe one", () => {
    expect([
      ...findingLabels(
        "src/validate.ts",
        "const RE = /^(\\w+\\s?)*$/;\nexport function isName(value: string) {\n  return RE.test(value);\n}\n",
      ),
    ]).toEqual(["regex-dos:3"]);
    expect([
      ...findingLabels(
        "src/validate.ts",
        "const RE = /^[a-z]+$/;\nexport function isName(value: string) {\n  return RE.test(value);\n}\n",
      ),
    ]).toEqual([]);
  });
});
