import { describe } from "vitest";
import { errorDisclosure } from "../../../../src/checks/security/patterns/error-disclosure.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("error-disclosure", () => {
  ruleTester.run("error-disclosure", errorDisclosure.rule, {
    valid: [
      {
        code: "app.use((err, req, res, next) => { res.status(500).render('error', { message: 'Something went wrong' }); });",
      },
      { code: "try { run(); } catch (err) { res.status(500).json({ error: 'Something went wrong' }); }" },
      { code: "try { run(); } catch (err) { next(err); }" },
      { code: "const error = validate(body); res.status(400).send(error);" },
    ],
    invalid: [
      {
        code: "app.use((err, req, res, next) => { res.status(500).render('error', { error: err }); });",
        errors: [{ messageId: "rawError" }],
      },
      { code: "try { run(); } catch (err) { res.status(500).send(err); }", errors: [{ messageId: "rawError" }] },
      { code: "app.use((err, req, res, next) => res.json({ stack: err.stack }));", errors: [{ messageId: "stack" }] },
      { code: "try { run(); } catch (e) { ctx.body = e; }", errors: [{ messageId: "rawError" }] },
    ],
  });

  describeCorpus("error-disclosure");
});
