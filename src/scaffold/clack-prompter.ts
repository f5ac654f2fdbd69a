import { confirm, isCancel, select, text } from "@clack/prompts";
import type { Prompter } from "./prompter.js";
import { ScaffoldError } from "./scaffold-error.js";

function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value) || typeof value === "symbol")
    throw new ScaffoldError("Cancelled: nothing was written. Run the command again when you are ready.");
  return value as Exclude<T, symbol>;
}

/** Prompts in the terminal with @clack/prompts (choices, defaults and validation as you type). */
export const clackPrompter: Prompter = {
  async select(message, options, initial) {
    return answered(await select({ message, options, initialValue: initial }));
  },
  async text(message, options) {
    return answered(
      await text({ message, initialValue: options.initial, validate: (value) => options.validate(value ?? "") }),
    );
  },
  async confirm(message, initial) {
    return answered(await confirm({ message, initialValue: initial }));
  },
};
