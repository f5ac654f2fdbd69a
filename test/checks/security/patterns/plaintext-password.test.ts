import { describe } from "vitest";
import { plaintextPassword } from "../../../../src/checks/security/patterns/plaintext-password.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("plaintext-password", () => {
  ruleTester.run("plaintext-password", plaintextPassword.rule, {
    valid: [
      { code: "logger.info({ username, success }, 'login attempt');" },
      { code: "async function add(name, password) { const user = { name, passwordHash: await bcrypt.hash(password, 12) }; await users.insertOne(user); }" },
      { code: "async function register(req) { const hash = await bcrypt.hash(req.body.password, 12); return User.create({ email, password: hash }); }" },
      { code: "if (req.body.password !== req.body.confirmPassword) fail();" },
      { code: "User.create({ password: req.body.password });", filename: "test/users.test.js" },
    ],
    invalid: [
      { code: "logger.info(`login user=${req.body.username} password=${req.body.password}`);", errors: [{ messageId: "logged" }] },
      { code: "function add(name, password) {\n  const user = { name, password };\n  users.insertOne(user);\n}", errors: [{ messageId: "stored", line: 2 }] },
      { code: "async function register(req) { return User.create({ email, password: req.body.password }); }", errors: [{ messageId: "stored" }] },
      { code: "if (user.password === req.body.password) login();", errors: [{ messageId: "compared" }] },
      { code: "db.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, password]);", errors: [{ messageId: "stored" }] },
    ],
  });

  describeCorpus("plaintext-password");
});
