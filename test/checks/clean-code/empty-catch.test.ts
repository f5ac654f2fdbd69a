import { emptyCatchCheck } from "../../../src/checks/clean-code/empty-catch.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("empty-catch", emptyCatchCheck.rule, {
  valid: [
    "try { run(); } catch (error) { logger.error(error); }",
    "try { run(); } catch { /* the file may not exist yet; the default config is used */ }",
    "save().catch((error) => next(error));",
    "save().catch(() => { /* best effort: the cache is optional */ });",
    "save().catch(handleError);",
    "try { run(); } finally { close(); }",
    // A comment beside the statement says why.
    "warmCache().catch(() => {}); // best effort: the cache fills on the first request",
    "// Fire and forget: a failed ping is retried on the next tick\nping().catch(() => {});",
    "try { fs.unlinkSync(tmp); } catch {} // the file may be gone already",
    // An optional value: one assignment, nothing awaited, the earlier value is the fallback the code reads next.
    "let key; try { key = readKeyFile(path); } catch {} if (!key) warn('no key: requests stay anonymous');",
    "let config = DEFAULTS; try { config = JSON.parse(text); } catch {} start(config);",
    // The called function catches its own errors (logs them); the empty handler stops a second, unhandled rejection.
    "class Server { constructor() { this.#init().catch(() => {}); } async #init() { try { await connect(); } catch (error) { log.error(error); throw error; } } }",
    "async function boot() { try { await connect(); } catch (error) { log.error(error); throw error; } } boot().catch(() => {});",
  ],
  invalid: [
    { code: "try { run(); } catch (error) {}", errors: [{ messageId: "emptyCatch" }] },
    { code: "try { run(); } catch {}", errors: [{ messageId: "emptyCatch" }] },
    { code: "save().catch(() => {});", errors: [{ messageId: "emptyCatch" }] },
    { code: "save().catch(function () {});", errors: [{ messageId: "emptyCatch" }] },
    // A comment before the statement that only names what it does does not say why the error may go.
    { code: "// Save the user\nsave(user).catch(() => {});", errors: [{ messageId: "emptyCatch" }] },
    // Awaited work in a request: a failed query must not pass for "nothing found".
    {
      code: "async function show(req, res) { let user; try { user = await db.findUser(req.params.id); } catch {} res.json(user ?? null); }",
      errors: [{ messageId: "emptyCatch" }],
    },
    // In a request handler a bad input is the client's to hear of, even without an await.
    {
      code: "app.post('/prefs', (req, res) => { let prefs = {}; try { prefs = JSON.parse(req.body.prefs); } catch {} res.json(save(prefs)); });",
      errors: [{ messageId: "emptyCatch" }],
    },
    // More than one assignment, or a value nobody reads afterwards, is no optional value.
    { code: "let a, b; try { a = f(); b = g(); } catch {} use(a, b);", errors: [{ messageId: "emptyCatch" }] },
    { code: "let cache; try { cache = load(); } catch {}", errors: [{ messageId: "emptyCatch" }] },
    { code: "try { saveAudit(entry); } catch {}", errors: [{ messageId: "emptyCatch" }] },
    // The called function lets its errors out: dropping them here loses them.
    {
      code: "class Server { constructor() { this.#init().catch(() => {}); } async #init() { await connect(); } }",
      errors: [{ messageId: "emptyCatch" }],
    },
  ],
});
