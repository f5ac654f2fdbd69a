import type { SecurityCategory } from "../contract/security-categories.js";

export interface SecurityCategoryInfo {
  /** CVSS-like score from 0.0 to 10.0; GitHub code scanning turns it into critical/high/medium/low. */
  severity: number;
  /** The CWE entry that describes the weakness. */
  cwe: number;
}

/**
 * Severity and CWE per security category, for SARIF (`security-severity`, `external/cwe/cwe-NNN` tags).
 * The scores follow the usual CVSS base scores for each weakness in a web back end.
 */
export const SECURITY_CATEGORY_INFO: Readonly<Record<SecurityCategory, SecurityCategoryInfo>> = {
  "sql-injection": { severity: 8.8, cwe: 89 },
  "nosql-injection": { severity: 8.8, cwe: 943 },
  "command-injection": { severity: 9.8, cwe: 78 },
  "code-injection": { severity: 9.8, cwe: 94 },
  xss: { severity: 6.1, cwe: 79 },
  "path-traversal": { severity: 7.5, cwe: 22 },
  "hardcoded-secret": { severity: 7.5, cwe: 798 },
  "weak-crypto": { severity: 5.9, cwe: 327 },
  "insecure-random": { severity: 5.3, cwe: 338 },
  "open-redirect": { severity: 6.1, cwe: 601 },
  ssrf: { severity: 8.6, cwe: 918 },
  "cors-misconfig": { severity: 5.3, cwe: 942 },
  "jwt-misuse": { severity: 7.4, cwe: 347 },
  "prototype-pollution": { severity: 7.3, cwe: 1321 },
  "regex-dos": { severity: 5.3, cwe: 1333 },
  "insecure-cookie": { severity: 4.3, cwe: 614 },
  "tls-disabled": { severity: 7.4, cwe: 295 },
  "mass-assignment": { severity: 6.5, cwe: 915 },
  "missing-authorization": { severity: 8.1, cwe: 862 },
  "plaintext-password": { severity: 7.5, cwe: 256 },
  "error-disclosure": { severity: 5.3, cwe: 209 },
};
