import type { Check } from "../../../contract/check.js";
import { corsMisconfig } from "./cors-misconfig.js";
import { errorDisclosure } from "./error-disclosure.js";
import { hardcodedSecret } from "./hardcoded-secret.js";
import { insecureCookie } from "./insecure-cookie.js";
import { insecureRandom } from "./insecure-random.js";
import { jwtMisuse } from "./jwt-misuse.js";
import { jwtWithoutExpiry } from "./jwt-without-expiry.js";
import { missingAuthorization } from "./missing-authorization.js";
import { plaintextPassword } from "./plaintext-password.js";
import { secretInTextFile } from "./secret-in-text-file.js";
import { tlsDisabled } from "./tls-disabled.js";
import { tlsDisabledConfig } from "./tls-disabled-config.js";
import { weakCrypto } from "./weak-crypto.js";

/** Pattern-based security checks: one rule per category, plus text-file scanners for secrets and TLS. */
export const patternChecks: readonly Check[] = [
  hardcodedSecret,
  secretInTextFile,
  weakCrypto,
  insecureRandom,
  corsMisconfig,
  jwtMisuse,
  jwtWithoutExpiry,
  insecureCookie,
  tlsDisabled,
  tlsDisabledConfig,
  missingAuthorization,
  plaintextPassword,
  errorDisclosure,
];
