/** The pattern checks through the whole engine: review() with a rubric that enables them. */
import { describe, expect, it } from "vitest";
import { patternChecks } from "../../../../src/checks/security/patterns/index.js";
import { review } from "../../../../src/review/review.js";
import { repoConfigSchema } from "../../../../src/contract/repo-config.js";
import { rubricSchema } from "../../../../src/contract/rubric-schema.js";
import type { ChangedFile } from "../../../../src/contract/types.js";
import { checksById } from "../../../../src/checks/registry.js";

const rubric = rubricSchema.parse({
  id: "security-only",
  title: "Security only",
  criteria: [
    {
      id: "security",
      title: "Security",
      levels: [{ name: "any", min: 0 }],
      checks: patternChecks.map((check) => ({ id: check.id })),
    },
  ],
});

function changed(path: string, content: string): ChangedFile {
  return { path, status: "added", content, addedLines: new Set(content.split("\n").map((_, index) => index + 1)) };
}

const routes = [
  'const router = require("express").Router();',
  "router.get('/', requireAuth, list);",
  "router.delete('/:id', remove);",
  "router.post('/session', (req, res) => {",
  "  res.cookie('token', req.body.token, { httpOnly: false, secure: true });",
  "  res.json({ ok: true });",
  "});",
  "",
].join("\n");

describe("pattern checks in review()", () => {
  const result = review(
    {
      files: [changed("src/routes/items.js", routes), changed(".env", "JWT_SECRET=abc123def456\n")],
      repoPaths: ["src/routes/items.js", ".env"],
      config: repoConfigSchema.parse({}),
      rubric,
    },
    { registry: checksById },
  );

  it("reports each finding with its check, category, level from the rubric and a lesson link", () => {
    expect(
      result.findings.map((finding) => [finding.ruleId, finding.category, finding.path, finding.line]).sort(),
    ).toEqual([
      ["insecure-cookie", "insecure-cookie", "src/routes/items.js", 5],
      ["missing-authorization", "missing-authorization", "src/routes/items.js", 3],
      ["secret-in-text-file", "hardcoded-secret", ".env", 1],
    ]);
    for (const finding of result.findings) expect(finding.lesson).toMatch(new RegExp(`${finding.ruleId}\\.md$`));
    expect(result.conclusion).toBe("failure");
  });

  it("turns a rule's suggestion into a GitHub suggestion for the finding's line", () => {
    const cookie = result.findings.find((finding) => finding.ruleId === "insecure-cookie");
    expect(cookie?.suggestion).toBe("  res.cookie('token', req.body.token, { httpOnly: true, secure: true });");
  });
});
