import { describe, expect, it } from "vitest";
import { unannotatedNote } from "../../src/app/unannotated-note.js";
import { mayHaveApplied, writeOnce } from "../../src/github/write-once.js";
import type { Finding } from "../../src/contract/types.js";

const failing = (status?: number) =>
  Object.assign(new Error(`status ${status}`), status === undefined ? {} : { status });
const fast = { delaysMs: [0, 0, 0] };

describe("writeOnce", () => {
  it("does not repeat a write GitHub answered with a 4xx", async () => {
    let writes = 0;
    const attempt = writeOnce(
      "w",
      async () => (writes++, Promise.reject(failing(422))),
      async () => "found",
      fast,
    );
    await expect(attempt).rejects.toMatchObject({ status: 422 });
    expect(writes).toBe(1);
  });

  it("after a 5xx, returns what the marker check found instead of writing again", async () => {
    let writes = 0;
    const result = await writeOnce(
      "w",
      async () => (writes++, Promise.reject(failing(502))),
      async () => "applied",
      fast,
    );
    expect(result).toBe("applied");
    expect(writes).toBe(1);
  });

  it("writes again only when the marker is absent, and gives up after the last delay", async () => {
    let writes = 0;
    const attempt = writeOnce(
      "w",
      async () => (writes++, Promise.reject(failing(500))),
      async () => undefined,
      fast,
    );
    await expect(attempt).rejects.toMatchObject({ status: 500 });
    expect(writes).toBe(4);
  });

  it("never writes blind when the marker check itself fails", async () => {
    let writes = 0;
    let checks = 0;
    const attempt = writeOnce(
      "w",
      async () => (writes++, Promise.reject(failing())),
      async () => (checks++, Promise.reject(failing(502))),
      fast,
    );
    await expect(attempt).rejects.toThrow();
    expect([writes, checks]).toEqual([1, 3]);
  });

  it("treats 5xx, timeouts and resets as maybe applied, 4xx as not", () => {
    expect([
      mayHaveApplied(failing(502)),
      mayHaveApplied(failing(500)),
      mayHaveApplied(failing()),
      mayHaveApplied(failing(404)),
    ]).toEqual([true, true, true, false]);
  });
});

describe("unannotatedNote", () => {
  const finding = (ruleId: string, line: number): Finding =>
    ({
      ruleId,
      criterion: "clean-code",
      level: "actionable",
      message: "m",
      path: "a.js",
      line,
      fingerprint: `${ruleId}${line}`,
    }) as Finding;

  it("is empty when every finding has its annotation", () => {
    expect(unannotatedNote([finding("a", 1)], 50)).toBe("");
  });

  it("counts the rest by check, most frequent first", () => {
    const findings = [finding("a", 1), finding("b", 2), finding("b", 3), finding("c", 4), finding("b", 5)];
    expect(unannotatedNote(findings, 1)).toContain("4 more findings have no annotation");
    expect(unannotatedNote(findings, 1)).toContain("`b` 3, `c` 1");
  });
});
