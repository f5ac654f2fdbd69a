import { describe, expect, it } from "vitest";
import type { Check, DeferTo } from "../../src/contract/check.js";
import type { Finding } from "../../src/contract/types.js";
import { dropDeferred } from "../../src/review/drop-deferred.js";

function finding(ruleId: string, path: string, line: number): Finding {
  return {
    ruleId,
    path,
    line,
    message: "m",
    criterion: "database",
    level: "actionable",
    fingerprint: `${ruleId}${path}${line}`,
  };
}

const meta = (id: string, defersTo?: (string | DeferTo)[]): Check => ({
  kind: "engine",
  id,
  criterion: "database",
  description: id,
  defaultLevel: "actionable",
  ...(defersTo ? { defersTo } : {}),
});

describe("dropDeferred", () => {
  const checks = new Map([
    ["select-unbounded", meta("select-unbounded", ["list-unbounded"])],
    ["list-unbounded", meta("list-unbounded")],
  ]);

  it("drops a deferring check's finding where the other reported on the same file and line", () => {
    const kept = dropDeferred([finding("select-unbounded", "a.js", 5), finding("list-unbounded", "a.js", 5)], checks);
    expect(kept.map((f) => f.ruleId)).toEqual(["list-unbounded"]);
  });

  it("keeps it on another line, in another file, or when the other check is not enabled", () => {
    const findings = [
      finding("select-unbounded", "a.js", 5),
      finding("list-unbounded", "a.js", 6),
      finding("select-unbounded", "b.js", 6),
      finding("list-unbounded", "a.js", 6),
    ];
    expect(dropDeferred(findings, checks)).toHaveLength(4);
    expect(
      dropDeferred(
        [finding("select-unbounded", "a.js", 5)],
        new Map([["select-unbounded", meta("select-unbounded", ["list-unbounded"])]]),
      ),
    ).toHaveLength(1);
  });

  it("never drops the finding a check defers to, nor findings of checks that defer to nothing", () => {
    const findings = [finding("list-unbounded", "a.js", 5), finding("list-unbounded", "a.js", 5)];
    expect(dropDeferred(findings, checks)).toEqual(findings);
  });

  it("with linesAbove, also drops it where the other check reported up to that many lines above, never below", () => {
    const ranged = new Map([
      ["open-redirect", meta("open-redirect", [{ check: "weak-allow-list", linesAbove: 3 }])],
      ["weak-allow-list", meta("weak-allow-list")],
    ]);
    const kept = dropDeferred(
      [
        finding("weak-allow-list", "a.js", 10),
        finding("open-redirect", "a.js", 11),
        finding("open-redirect", "a.js", 13),
        finding("open-redirect", "a.js", 14),
        finding("open-redirect", "a.js", 9),
        finding("open-redirect", "b.js", 11),
      ],
      ranged,
    );
    expect(kept.map((f) => `${f.ruleId}:${f.path}:${f.line}`)).toEqual([
      "weak-allow-list:a.js:10",
      "open-redirect:a.js:14",
      "open-redirect:a.js:9",
      "open-redirect:b.js:11",
    ]);
  });
});
