/** The security category table is the one list: the taint checks, their wording and the SARIF tags come from it. */
import { describe, expect, it } from "vitest";
import { checksById } from "../../../src/checks/registry.js";
import { taintChecks } from "../../../src/checks/security/taint/index.js";
import { taintMessage } from "../../../src/checks/security/taint/taint-messages.js";
import {
  SECURITY_CATEGORIES,
  SECURITY_CATEGORY_TABLE,
  TAINT_CATEGORIES,
  taintSpec,
} from "../../../src/contract/security-categories.js";

describe("the security category table", () => {
  it("lists each category once, with a title, a CWE id and a severity from 0 to 10", () => {
    expect(new Set(SECURITY_CATEGORIES).size).toBe(SECURITY_CATEGORIES.length);
    for (const category of SECURITY_CATEGORIES) {
      const row = SECURITY_CATEGORY_TABLE[category];
      expect(row.title.length, category).toBeGreaterThan(2);
      expect(Number.isInteger(row.cwe) && row.cwe > 0, category).toBe(true);
      expect(row.severity, category).toBeGreaterThanOrEqual(0);
      expect(row.severity, category).toBeLessThanOrEqual(10);
    }
  });

  it("makes one taint check per taint row, in table order, with the row's level and description", () => {
    expect(TAINT_CATEGORIES).toContain("sql-injection");
    expect(TAINT_CATEGORIES).not.toContain("hardcoded-secret");
    const derived = taintChecks.filter((check) => check.id !== "xss-template");
    expect(derived.map((check) => check.id)).toEqual([...TAINT_CATEGORIES]);
    for (const category of TAINT_CATEGORIES) {
      const check = checksById.get(category);
      expect(check, category).toMatchObject({
        kind: "eslint",
        category,
        criterion: "security",
        ...pick(taintSpec(category)),
      });
    }
  });

  it("words a taint finding from the row: what to do, the data flow, then why", () => {
    const { fix, why } = taintSpec("ssrf");
    expect(taintMessage("ssrf", "req.query.url -> fetch()")).toBe(
      `${fix}. Untrusted input reaches a dangerous call here: req.query.url -> fetch(). ${why}`,
    );
  });

  it("gives every security check in the registry a category from the table", () => {
    const security = [...checksById.values()].filter((check) => check.criterion === "security" && check.category);
    expect(security.length).toBeGreaterThan(TAINT_CATEGORIES.length);
    for (const check of security) expect(SECURITY_CATEGORIES, check.id).toContain(check.category);
  });
});

function pick({ defaultLevel, description }: { defaultLevel: string; description: string }) {
  return { defaultLevel, description };
}
