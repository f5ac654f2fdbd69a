import { describe } from "vitest";
import { missingAuthorization } from "../../../../src/checks/security/patterns/missing-authorization.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("missing-authorization", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      { code: "router.post('/', requireAuth, create); router.delete('/:id', requireAuth, remove);" },
      { code: "router.post('/', create); router.delete('/:id', remove);" },
      { code: "router.use(verifyToken); router.post('/', create); router.get('/', verifyToken, list);" },
      { code: "router.get('/me', auth, me); router.post('/login', login);" },
    ],
    invalid: [
      { code: "router.get('/', verifyToken, list);\nrouter.delete('/:id', remove);", errors: [{ messageId: "missingAuth", line: 2 }] },
      { code: "router.post('/', create);\nrouter.use(auth);\nrouter.put('/:id', auth, update);", errors: [{ messageId: "missingAuth", line: 1 }] },
    ],
  });

  describeCorpus("missing-authorization");
});
