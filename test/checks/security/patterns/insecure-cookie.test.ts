import { describe } from "vitest";
import { insecureCookie } from "../../../../src/checks/security/patterns/insecure-cookie.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("insecure-cookie", () => {
  ruleTester.run("insecure-cookie", insecureCookie.rule, {
    valid: [
      {
        code: "cookies().set('auth_token', token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });",
      },
      { code: "(await cookies()).set('theme', 'dark', { path: '/' });" },
      { code: "res.cookie('token', t, { httpOnly: true, secure: true });" },
      { code: "res.cookie('theme', 'dark');" },
      // A flag written in the code: nothing in it to steal.
      { code: "res.cookie('remember', 1, { maxAge: 60000 });" },
      { code: "res.cookie('session_seen', true);" },
      { code: "nodemailer.createTransport({ port: 587, secure: false });" },
      { code: "res.setHeader('Set-Cookie', `token=${t}; Path=/; HttpOnly; Secure`);" },
    ],
    invalid: [
      {
        code: "cookies().set('auth_token', token, { path: '/', maxAge: 3600 });",
        errors: [{ messageId: "noHttpOnly" }],
      },
      { code: "(await cookies()).set('session', id);", errors: [{ messageId: "noOptions" }] },
      {
        code: "res.cookie('token', t, { httpOnly: false, secure: true });",
        errors: [
          {
            messageId: "httpOnlyOff",
            suggestions: [
              { messageId: "setTrue", output: "res.cookie('token', t, { httpOnly: true, secure: true });" },
            ],
          },
        ],
      },
      {
        code: "app.use(session({ cookie: { secure: false } }));",
        errors: [
          {
            messageId: "secureOff",
            suggestions: [{ messageId: "setTrue", output: "app.use(session({ cookie: { secure: true } }));" }],
          },
        ],
      },
      { code: "res.cookie('sessionId', id);", errors: [{ messageId: "noOptions" }] },
      { code: "res.cookie('remember', token, { maxAge: 60000 });", errors: [{ messageId: "noHttpOnly" }] },
      { code: "res.setHeader('Set-Cookie', `token=${t}; Path=/`);", errors: [{ messageId: "rawSetCookie" }] },
    ],
  });

  describeCorpus("insecure-cookie");
});
