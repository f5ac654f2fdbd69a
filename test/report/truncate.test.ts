import { describe, expect, it } from "vitest";
import { truncateChars, truncateUtf8 } from "../../src/report/truncate.js";

describe("truncate", () => {
  it("returns short text unchanged", () => {
    expect(truncateChars("short", 5)).toBe("short");
    expect(truncateUtf8("short", 5)).toBe("short");
  });

  it("cuts to the limit, ellipsis included", () => {
    expect(truncateChars("abcdefgh", 5)).toBe("abcd…");
    expect(truncateChars("abcdefgh", 7, "[cut]")).toBe("ab[cut]");
  });

  it("drops the ellipsis when it would not fit in the limit", () => {
    expect(truncateChars("abcdefgh", 3, "[cut]")).toBe("abc");
  });

  it("never splits a character made of two UTF-16 units", () => {
    const text = "ab😀cd";
    const cut = truncateChars(text, 4);
    expect(cut).toBe("ab…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });

  it("counts UTF-8 bytes when asked to", () => {
    const text = "é".repeat(10);
    const cut = truncateUtf8(text, 9);
    expect(Buffer.byteLength(cut, "utf8")).toBeLessThanOrEqual(9);
    expect(cut).toBe("ééé…");
  });
});
