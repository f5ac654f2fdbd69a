import { describe, expect, it } from "vitest";
import {
  codeBlock,
  escapeHtml,
  escapeMarkdown,
  inlineCode,
  markdownLink,
  oneLine,
  tableCell,
} from "../../src/report/markdown-escape.js";

describe("markdown escaping", () => {
  it("escapes HTML characters", () => {
    expect(escapeHtml(`<img src="x" onerror=alert(1)> & more`)).toBe(
      "&lt;img src=&quot;x&quot; onerror=alert(1)&gt; &amp; more",
    );
  });

  it("escapes Markdown punctuation in prose and leaves code spans alone", () => {
    expect(escapeMarkdown("Rename *tmp_value* in `a_b * c` [now]")).toBe(
      "Rename \\*tmp\\_value\\* in `a_b * c` \\[now\\]",
    );
    expect(escapeMarkdown("Use ``a ` b`` and <b>")).toBe("Use ``a ` b`` and &lt;b&gt;");
  });

  it("escapes a backtick that pairs with nothing, so it cannot open a code span further on", () => {
    expect(escapeMarkdown("one ` tick")).toBe("one \\` tick");
  });

  it("shows any text verbatim in an inline code span", () => {
    expect(inlineCode("src/app.ts")).toBe("`src/app.ts`");
    expect(inlineCode("a`b")).toBe("``a`b``");
    expect(inlineCode("`edge`")).toBe("`` `edge` ``");
    expect(inlineCode("two\nlines")).toBe("`two lines`");
  });

  it("chooses a fence longer than any backtick run in the body", () => {
    expect(codeBlock("plain", "js")).toBe("```js\nplain\n```");
    expect(codeBlock("has ```` four")).toBe("`````\nhas ```` four\n`````");
  });

  it("keeps a table cell on one line with its pipes escaped", () => {
    expect(tableCell("a | b\nc")).toBe("a \\| b c");
    expect(tableCell(inlineCode("x||y"))).toBe("`x\\|\\|y`");
    expect(tableCell(escapeMarkdown("a|b"))).toBe("a\\|b");
  });

  it("collapses whitespace for one-line places", () => {
    expect(oneLine("  a\n\n b\t c ")).toBe("a b c");
  });

  it("builds links whose URL cannot close the link early", () => {
    expect(markdownLink("lesson [1]", "https://x.example/a b(c).md")).toBe(
      "[lesson \\[1\\]](https://x.example/a%20b%28c%29.md)",
    );
  });
});
