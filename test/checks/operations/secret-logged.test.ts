import { secretLoggedCheck } from "../../../src/checks/operations/secret-logged.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("secret-logged", secretLoggedCheck.rule, {
  valid: [
    "logger.info({ userId: user.id }, 'logged in');",
    "console.log(`user ${user.id} logged in`);",
    "logger.info({ tokenCount: 3 });",
    "logger.debug({ token: '[redacted]' });",
    "console.log(req.method, req.url);",
    // passwords are plaintext-password's
    "logger.info({ password });",
    "cache.get(token);",
  ],
  invalid: [
    { code: "logger.info({ token }, 'issued');", errors: [{ messageId: "logged" }] },
    { code: "console.log(`refresh token: ${refreshToken}`);", errors: [{ messageId: "logged" }] },
    { code: "req.log.debug(req.headers);", errors: [{ messageId: "logged" }] },
    { code: "logger.info('auth ' + req.headers.authorization);", errors: [{ messageId: "logged" }] },
    { code: "log.info({ body: req.body }, 'signup');", errors: [{ messageId: "logged" }] },
    { code: "logger.warn({ apiKey: process.env.STRIPE_KEY });", errors: [{ messageId: "logged" }] },
  ],
});
