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
      { code: "app.use(cors({ origin: /^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/, credentials: true }));" },
      { code: "app.use(cors({ origin: (origin, cb) => cb(null, allowed.includes(origin)), credentials: true }));" },
    ],
    invalid: [
      {
        code: "app.use(cors({ origin: /example\\.com/, credentials: true }));",
        errors: [{ messageId: "looseOriginCheck" }],
      },
      {
        code: "app.use(cors({\n  origin(origin, cb) {\n    if (/example\\.com/.test(origin)) return cb(null, true);\n    cb(new Error('no'));\n  },\n  credentials: true,\n}));",
        errors: [{ messageId: "looseOriginCheck", line: 3 }],
      },
      {
        code: "app.use(cors({ origin: (origin, cb) => cb(null, origin.endsWith('example.com')), credentials: true }));",
        errors: [{ messageId: "looseOriginCheck" }],
      },
      {
        code: "app.use(cors({ origin: '*', credentials: true }));",
        errors: [{ messageId: "anyOriginWithCredentials" }],
      },
      {
        code: "app.use(cors({ origin: (o, cb) => cb(null, o), credentials: true }));",
        errors: [{ messageId: "anyOriginWithCredentials" }],
      },
      {
        code: "res.setHeader('Access-Control-Allow-Origin', '*'); res.setHeader('Access-Control-Allow-Credentials', 'true');",
        errors: [{ messageId: "headersWithCredentials" }],
      },
    ],
  });

  describeCorpus("cors-misconfig");
});
