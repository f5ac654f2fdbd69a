import { describe, expect, it } from "vitest";
import { gatherAnswers } from "../../src/scaffold/gather-answers.js";
import type { Template } from "../../src/scaffold/load-template.js";
import type { Prompter } from "../../src/scaffold/prompter.js";

const difficulty: Record<string, string> = {
  "auth-api": "intermediate",
  "shop-api": "advanced",
  "tasks-api": "beginner",
};

describe("interactive template choice", () => {
  it("lists the beginner template first and selects it to begin with", async () => {
    let seen: { values: string[]; initial?: string } | undefined;
    const prompter: Prompter = {
      select: async (_message, options, initial) => {
        seen = { values: options.map((option) => option.value), initial };
        return options[0]!.value;
      },
      text: async () => "my-api",
      confirm: async () => true,
    };
    const loadTemplate = (id: string) =>
      ({ manifest: { title: id, description: "d", difficulty: difficulty[id], variables: [] } }) as unknown as Template;
    const answers = await gatherAnswers(
      { vars: {}, yes: false, out: "./x" },
      { prompter, templateIds: ["auth-api", "shop-api", "tasks-api"], loadTemplate },
    );
    expect(seen).toEqual({ values: ["tasks-api", "auth-api", "shop-api"], initial: "tasks-api" });
    expect(answers.templateId).toBe("tasks-api");
  });
});
