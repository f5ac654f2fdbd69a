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
      // Fastify: an Error given to reply.send runs the error handler, as throwing does; no stack reaches the client.
      {
        code: "app.get('/tasks', async (request, reply) => { try { await run(); } catch (err) { reply.send(err); } });",
      },
      { code: "try { run(); } catch (err) { reply.code(500).send(err); }" },
      { code: "function onDone(error, body, reply) { if (error) { reply.send(error); return; } reply.send(body); }" },
    ],
    invalid: [
      {
        code: "app.use((err, req, res, next) => { res.status(500).render('error', { error: err }); });",
        errors: [{ messageId: "rawError" }],
      },
      { code: "try { run(); } catch (err) { res.status(500).send(err); }", errors: [{ messageId: "rawError" }] },
      { code: "app.use((err, req, res, next) => res.json({ stack: err.stack }));", errors: [{ messageId: "stack" }] },
      { code: "try { run(); } catch (e) { ctx.body = e; }", errors: [{ messageId: "rawError" }] },
      // Fastify serialises an object it is given as it is: the error inside it, or its stack, reaches the client.
      {
        code: "try { run(); } catch (err) { reply.code(500).send({ error: err }); }",
        errors: [{ messageId: "rawError" }],
      },
      { code: "try { run(); } catch (err) { reply.send({ stack: err.stack }); }", errors: [{ messageId: "stack" }] },
      { code: "try { run(); } catch (err) { reply.send(err.stack); }", errors: [{ messageId: "stack" }] },
      // The learner's own error handler decides the answer: passing the raw error on sends its message.
      {
        code: "app.setErrorHandler(function (error, request, reply) { reply.code(500).send(error); });",
        errors: [{ messageId: "rawError" }],
      },
    ],
  });

  describeCorpus("error-disclosure");
});
