import { describe } from "vitest";
import { jwtMisuse } from "../../../../src/checks/security/patterns/jwt-misuse.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("jwt-misuse", () => {
  ruleTester.run("jwt-misuse", jwtMisuse.rule, {
    valid: [
      {
        code: "const jwt = require('jsonwebtoken');\njwt.verify(token, key, (err, decoded) => { if (err) return res.sendStatus(401); req.user = decoded; next(); });",
      },
      {
        code: "function auth(req, res, next) { req.user = jwt.verify(token, key, { algorithms: ['HS256'] }); next(); }",
      },
      { code: "function expiresAt(token) { return jwt.decode(token).exp; }" },
      { code: "jwt.verify(token, key, { ignoreExpiration: false });" },
      { code: "const jwt = require('jwt-simple');\nconst payload = jwt.decode(token, secret);" },
    ],
    invalid: [
      {
        code: "const jwt = require('jsonwebtoken');\njwt.verify(token, key, function (err, decoded) { req.user = decoded; next(); });",
        errors: [{ messageId: "ignoredVerifyError", line: 2 }],
      },
      {
        code: "function auth(req, res, next) { req.user = jwt.decode(token); next(); }",
        errors: [{ messageId: "decodeForAuth" }],
      },
      { code: "jwt.verify(token, key, { algorithms: ['none'] });", errors: [{ messageId: "noneAlgorithm" }] },
      { code: "jwt.verify(token, key, { ignoreExpiration: true });", errors: [{ messageId: "ignoreExpiration" }] },
      {
        code: "const jwt = require('jwt-simple');\nconst payload = jwt.decode(token, secret, true);",
        errors: [{ messageId: "noVerifyFlag", line: 2 }],
      },
    ],
  });

  describeCorpus("jwt-misuse");
});
