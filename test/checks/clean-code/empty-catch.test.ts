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
  ],
  invalid: [
    { code: "try { run(); } catch (error) {}", errors: [{ messageId: "emptyCatch" }] },
    { code: "try { run(); } catch {}", errors: [{ messageId: "emptyCatch" }] },
    { code: "save().catch(() => {});", errors: [{ messageId: "emptyCatch" }] },
    { code: "save().catch(function () {});", errors: [{ messageId: "emptyCatch" }] },
  ],
});
