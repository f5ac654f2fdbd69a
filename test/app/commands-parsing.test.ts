import { describe, expect, it } from "vitest";
import { closeMatches, editDistance } from "../../src/validation/close-matches.js";
import { explainReply, HELP_REPLY } from "../../src/app/command-replies.js";
import { parseCommand } from "../../src/app/parse-command.js";

describe("parseCommand", () => {
  it("reads the first /apprentice line", () => {
    expect(parseCommand("/apprentice review")).toEqual({ kind: "review" });
    expect(parseCommand("Nice work\n  /Apprentice explain `No-Eval`  please")).toEqual({
      kind: "explain",
      checkId: "no-eval",
    });
    expect(parseCommand("/apprentice")).toEqual({ kind: "help" });
    expect(parseCommand("/apprentice explain")).toEqual({ kind: "unknown", text: "explain" });
    expect(parseCommand("/apprentice deploy")).toEqual({ kind: "unknown", text: "deploy" });
    expect(parseCommand("I read /apprentice docs")).toBeUndefined();
    expect(parseCommand("/apprenticeship review")).toBeUndefined();
  });
});

describe("close matches and replies", () => {
  it("edit distance and close matches", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(closeMatches("no-evl", ["no-eval", "no-console", "sql-injection"])).toEqual(["no-eval"]);
    expect(closeMatches("injection", ["no-eval", "sql-injection"])).toEqual(["sql-injection"]);
    expect(closeMatches("zzz", ["no-eval"])).toEqual([]);
  });

  it("an unknown id with no close match lists every check", () => {
    const reply = explainReply("zzz", ["no-eval", "eq-test"], () => undefined);
    expect(reply).toContain("- `no-eval`");
    expect(reply).toContain("- `eq-test`");
  });

  it("replies never use the words just or simply", () => {
    for (const text of [
      HELP_REPLY,
      explainReply("x", ["no-eval"], () => undefined),
      explainReply("no-evl", ["no-eval"], () => undefined),
    ]) {
      expect(text).not.toMatch(/\b(just|simply)\b/i);
    }
  });
});
