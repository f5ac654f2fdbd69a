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
      // jwt-simple's decode with a key verifies the signature, also with noVerify false and an algorithm.
      {
        code: "const codec = require('jwt-simple');\nfunction auth(req, res, next) { req.user = codec.decode(bearer(req), process.env.KEY, false, 'HS512'); next(); }",
      },
      {
        code: "import { decode } from 'jwt-simple';\nexport function auth(req, res, next) { req.user = decode(bearer(req), key, undefined, 'HS256'); next(); }",
      },
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
      // A computed noVerify flag may be true at run time (outside production, say).
      {
        code: "import codec from 'jwt-simple';\nconst skip = process.env.NODE_ENV === 'test';\nexport const who = (t) => codec.decode(t, key, skip).sub;",
        errors: [{ messageId: "noVerifyFlag", line: 3 }],
      },
    ],
  });

  describeCorpus("jwt-misuse");
});
