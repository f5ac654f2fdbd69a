import { describe } from "vitest";
import { plaintextPassword } from "../../../../src/checks/security/patterns/plaintext-password.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

/** A project whose model hashes the password in a save hook, in another file than the controller. */
function projectWith(model: string) {
  return {
    apprenticeProject: {
      contents: new Map([
        ["models/account.js", model],
        ["controllers/account.js", "account.password = req.body.password; await account.save();"],
      ]),
      reviewed: new Set(["controllers/account.js"]),
    },
  };
}
const hashingHook = projectWith(
  "accountSchema.pre('save', async function () { this.password = await bcrypt.hash(this.password, 12); });",
);
const hooklessModel = projectWith("accountSchema.pre('save', function () { this.updatedAt = new Date(); });");
/** A service that hashes the password of the DTO it is given before it stores it. */
const hashingService = projectWith(
  "class AccountsService { async update(id, updateAccountDto) { const password = await bcrypt.hash(updateAccountDto.password, 10); return this.repo.update(id, { ...updateAccountDto, password }); } }",
);
/** Hashing the request's own password in one route covers no other route. */
const hashingRoute = projectWith(
  "async function signup(req) { const hash = await bcrypt.hash(req.body.password, 10); }",
);

describe("plaintext-password", () => {
  ruleTester.run("plaintext-password", plaintextPassword.rule, {
    valid: [
      { code: "logger.info({ username, success }, 'login attempt');" },
      {
        code: "async function add(name, password) { const user = { name, passwordHash: await bcrypt.hash(password, 12) }; await users.insertOne(user); }",
      },
      {
        code: "async function register(req) { const hash = await bcrypt.hash(req.body.password, 12); return User.create({ email, password: hash }); }",
      },
      { code: "if (req.body.password !== req.body.confirmPassword) fail();" },
      { code: "User.create({ password: req.body.password });", filename: "test/users.test.js" },
      // The model hashes in a save hook in another file of the project.
      {
        code: "async function update(req) { account.password = req.body.password; await account.save(); }",
        settings: hashingHook,
      },
      {
        code: "async function signup(req) { return new Account({ email, password: req.body.password }).save(); }",
        settings: hashingHook,
      },
      // The account goes to a service that hashes the password of what it stores.
      {
        code: "async function resetPassword(user, password) { user.password = password; await this.accountsService.update(user.id, user); }",
        settings: hashingService,
      },
      // A mapper copying the stored value from one layer's object to another's.
      { code: "function toPersistence(entity) { const row = new Row(); row.password = entity.password; return row; }" },
      // Comparing the stored value with the new one to decide whether to hash again.
      {
        code: "async function update(dto) { if (existing.password !== dto.password) { stored = await bcrypt.hash(dto.password, 10); } }",
      },
    ],
    invalid: [
      {
        code: "logger.info(`login user=${req.body.username} password=${req.body.password}`);",
        errors: [{ messageId: "logged" }],
      },
      {
        code: "function add(name, password) {\n  const user = { name, password };\n  users.insertOne(user);\n}",
        errors: [{ messageId: "stored", line: 2 }],
      },
      {
        code: "async function register(req) { return User.create({ email, password: req.body.password }); }",
        errors: [{ messageId: "stored" }],
      },
      { code: "if (user.password === req.body.password) login();", errors: [{ messageId: "compared" }] },
      {
        code: "db.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, password]);",
        errors: [{ messageId: "stored" }],
      },
      // A save hook that does not hash covers nothing.
      {
        code: "async function update(req) { account.password = req.body.password; await account.save(); }",
        settings: hooklessModel,
        errors: [{ messageId: "stored" }],
      },
      {
        code: "async function update(req) { account.password = req.body.password; await account.save(); }",
        settings: hashingRoute,
        errors: [{ messageId: "stored" }],
      },
      // A hashing hook elsewhere does not make a raw SQL insert or a raw comparison safe.
      {
        code: "db.query('INSERT INTO users (email, password) VALUES ($1, $2)', [email, req.body.password]);",
        settings: hashingHook,
        errors: [{ messageId: "stored" }],
      },
      {
        code: "if (account.password === req.body.password) login();",
        settings: hashingHook,
        errors: [{ messageId: "compared" }],
      },
      // Copying input into the model is not a mapper.
      {
        code: "function fill(req) { row.password = req.body.password; row.save(); }",
        errors: [{ messageId: "stored" }],
      },
    ],
  });

  describeCorpus("plaintext-password");
});
