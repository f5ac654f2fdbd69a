import { describe } from "vitest";
import { corsMisconfig } from "../../../../src/checks/security/patterns/cors-misconfig.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("cors-misconfig", () => {
  ruleTester.run("cors-misconfig", corsMisconfig.rule, {
    valid: [
      { code: "app.use(cors());" },
      { code: "app.use(cors({ origin: ['https://a.example'], credentials: true }));" },
      { code: "res.setHeader('Access-Control-Allow-Origin', req.headers.origin);" },
    ],
    invalid: [
      { code: "app.use(cors({ origin: '*', credentials: true }));", errors: [{ messageId: "anyOriginWithCredentials" }] },
      { code: "app.use(cors({ origin: (o, cb) => cb(null, o), credentials: true }));", errors: [{ messageId: "anyOriginWithCredentials" }] },
      {
        code: "res.setHeader('Access-Control-Allow-Origin', '*'); res.setHeader('Access-Control-Allow-Credentials', 'true');",
        errors: [{ messageId: "headersWithCredentials" }],
      },
    ],
  });

  describeCorpus("cors-misconfig");
});
