import type { ValidationError } from "../validation/validation-error.js";
import type { CheckRunOutput } from "./publish-check-run.js";

function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** A check run output that explains a bad config or rubric: a table of property path, value and expected. */
export function validationErrorOutput(error: ValidationError): CheckRunOutput {
  const rows = error.issues.map(
    (issue) =>
      `| \`${cell(issue.path)}\` | ${issue.received === undefined ? "(missing)" : `\`${cell(issue.received)}\``} | ${cell(issue.expected)} |`,
  );
  const summary = [
    `Apprentice could not review this pull request because \`${error.file}\` does not match what it expects.`,
    "Fix the properties below, push, and the review runs again. Nothing in your code was graded yet.",
    "",
    "| Property path | Value | Expected |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
  return { title: `Fix ${error.file} to get a review`, summary };
}
