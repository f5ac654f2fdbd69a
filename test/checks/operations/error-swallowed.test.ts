import { errorSwallowedCheck } from "../../../src/checks/operations/error-swallowed.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("error-swallowed", errorSwallowedCheck.rule, {
  valid: [
    "try { await save(); } catch (error) { logger.error({ err: error }, 'save failed'); }",
    "try { await save(); } catch (error) { throw new AppError('save failed', { cause: error }); }",
    "try { await save(); } catch (error) { res.status(500).json({ error: 'failed' }); }",
    "try { await save(); } catch (error) { next(error); }",
    "try { config = read(); } catch { config = defaults; }",
    "try { value = JSON.parse(text); } catch (error) { return undefined; }",
    "try { await save(); } catch (error) { saved = false; /* the caller retries on false */ }",
    "try { await save(); } catch (err) { failures.push(err); }",
    "try { await save(); } catch (_error) { saved = false; }",
    "try { await save(); } catch (error) {}",
    // a fallback value outside a request handler, with no write in the try
    "try { this.url = new URL(text); } catch (err) { this.url = Object.create(null); }",
  ],
  invalid: [
    {
      code: "try { await Task.create(input); } catch (error) { saved = false; }",
      errors: [{ messageId: "swallowed" }],
    },
    {
      code: "app.post('/x', async (req, res) => { try { await Task.create(req.body); } catch (e) { count++; } res.json({ ok: true }); });",
      errors: [{ messageId: "swallowed" }],
    },
  ],
});
