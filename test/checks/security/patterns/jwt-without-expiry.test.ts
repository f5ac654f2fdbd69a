import { describe } from "vitest";
import { jwtWithoutExpiry } from "../../../../src/checks/security/patterns/jwt-without-expiry.js";
import { ruleTester } from "../../../helpers/rule-tester.js";

describe("jwt-without-expiry", () => {
  ruleTester.run("jwt-without-expiry", jwtWithoutExpiry.rule, {
    valid: [
      { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: id }, secret, { expiresIn: '1h' });" },
      { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: id, exp }, secret);" },
      { code: "import jwt from 'jsonwebtoken'; jwt.sign(payload, secret);" },
      { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: id }, secret, options);" },
      { code: "const jwt = require('jsonwebtoken'); jwt.sign({ sub: 1 }, 'k');", filename: "test/tokens.test.js" },
    ],
    invalid: [
      { code: "import jwt from 'jsonwebtoken'; jwt.sign({ sub: id }, secret);", errors: [{ messageId: "noExpiry" }] },
      {
        code: "const { sign } = require('jsonwebtoken'); sign({ sub: id }, secret, { algorithm: 'HS256' });",
        errors: [{ messageId: "noExpiry" }],
      },
    ],
  });
});
