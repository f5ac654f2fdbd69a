import { describe } from "vitest";
import { insecureRandom } from "../../../../src/checks/security/patterns/insecure-random.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("insecure-random", () => {
  ruleTester.run("insecure-random", insecureRandom.rule, {
    valid: [
      { code: "const delay = base * 2 ** attempt + Math.random() * 100;" },
      { code: "const token = crypto.randomUUID();" },
      { code: "const token = Math.random().toString(36);", filename: "src/__tests__/auth.js" },
      // A simulated service rolls dice for its outcome; the ids it makes up are part of the act.
      {
        code: [
          "async function fakeShipping(parcel) {",
          "  if (Math.random() < 0.2) throw new Error('carrier timeout');",
          "  const trackingId = `TRK-${Math.random().toString(36).slice(2, 10)}`;",
          "  return { parcel, trackingId };",
          "}",
        ].join("\n"),
      },
    ],
    invalid: [
      {
        code: "const resetToken = Math.random().toString(36).substring(2);",
        errors: [
          {
            messageId: "mathRandom",
            suggestions: [{ messageId: "useRandomUuid", output: "const resetToken = crypto.randomUUID();" }],
          },
        ],
      },
      {
        code: "function makeOtp() { return Math.floor(Math.random() * 1e6); }",
        errors: [{ messageId: "mathRandom", suggestions: [] }],
      },
      {
        // A dice roll in another function does not make this one a simulation.
        code: [
          "const flaky = () => Math.random() < 0.1;",
          "function inviteCode() { const code = Math.floor(Math.random() * 1e8); return code; }",
        ].join("\n"),
        errors: [{ messageId: "mathRandom", suggestions: [] }],
      },
    ],
  });

  describeCorpus("insecure-random");
});
