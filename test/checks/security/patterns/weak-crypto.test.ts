import { describe } from "vitest";
import { weakCrypto } from "../../../../src/checks/security/patterns/weak-crypto.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("weak-crypto", () => {
  ruleTester.run("weak-crypto", weakCrypto.rule, {
    valid: [
      { code: "const hash = await bcrypt.hash(password, 12);" },
      { code: "const etag = crypto.createHash('md5').update(body).digest('hex');" },
      { code: "crypto.createCipheriv('aes-256-gcm', key, iv);" },
      { code: "crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha256');" },
    ],
    invalid: [
      { code: "const passwordHash = crypto.createHash('md5').update(password).digest('hex');", errors: [{ messageId: "fastPasswordHash" }] },
      { code: "crypto.createCipher('aes192', key);", errors: [{ messageId: "createCipher" }] },
      { code: "crypto.createCipheriv('rc4', key, '');", errors: [{ messageId: "weakCipher" }] },
      { code: "const ROUNDS = 4; bcrypt.hash(password, ROUNDS);", errors: [{ messageId: "lowBcryptCost" }] },
      { code: "crypto.pbkdf2(password, salt, 5000, 64, 'sha512', cb);", errors: [{ messageId: "lowIterations" }] },
    ],
  });

  describeCorpus("weak-crypto");
});
