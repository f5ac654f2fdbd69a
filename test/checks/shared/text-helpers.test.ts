import { describe, expect, it } from "vitest";
import { escapeRegExp } from "../../../src/checks/shared/escape-reg-exp.js";
import { lineAt } from "../../../src/checks/shared/line-at.js";

describe("lineAt", () => {
  it("counts the newlines before an offset, and gives the last line past the end", () => {
    const text = "one\ntwo\n\nfour";
    expect(lineAt(text, 0)).toBe(1);
    expect(lineAt(text, 3)).toBe(1);
    expect(lineAt(text, 4)).toBe(2);
    expect(lineAt(text, text.indexOf("four"))).toBe(4);
    expect(lineAt(text, 1000)).toBe(4);
  });
});

describe("escapeRegExp", () => {
  it("makes every metacharacter literal", () => {
    const text = "a.b*c+d?e^f${g}(h)|[i]\\j";
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp("a.b")).test("axb")).toBe(false);
  });
});
