import { describe, expect, it } from "vitest";
import { exerciseIssue } from "../../src/scaffold/exercise-issue.js";
import { renderExercise } from "../../src/scaffold/render-exercise.js";
import type { Exercise } from "../../src/scaffold/template-manifest-schema.js";

const exercise: Exercise = {
  id: "index-the-filters",
  title: "Index the filters",
  skill: "database-indexing",
  criteria: ["database", "tests"],
  checks: ["column-unindexed", "migration-edited"],
  body: "The list reads the whole table.\n",
  acceptance: [
    "`EXPLAIN ANALYZE` shows an index\nscan after the migration.",
    "A test proves the answers do not change.",
  ],
  tips: ["Compare estimated and actual rows."],
  hint: {
    nudge: "Which column does the filter compare with a constant?",
    approach: "Put the equality column first in a composite index, the range column after it.",
  },
};
const titles = new Map([
  ["database", "Database"],
  ["tests", "Tests"],
]);

describe("renderExercise", () => {
  it("renders the task, a checklist, tips, the folded two-step hint and the checks that grade it", () => {
    expect(renderExercise(exercise, { criterionTitles: titles, headingLevel: 2 })).toMatchInlineSnapshot(`
      "The list reads the whole table.

      ## Acceptance criteria

      - [ ] \`EXPLAIN ANALYZE\` shows an index
            scan after the migration.
      - [ ] A test proves the answers do not change.

      ## Tips

      - Compare estimated and actual rows.

      <details><summary>Stuck? A hint</summary>

      Which column does the filter compare with a constant?

      <details><summary>Still stuck? The approach</summary>

      Put the equality column first in a composite index, the range column after it.

      </details>
      </details>

      ## What Apprentice reviews

      Open a pull request for this exercise; Apprentice grades it on these rubric criteria:

      - Database (\`database\`)
      - Tests (\`tests\`)

      Apprentice will check: [\`column-unindexed\`](https://github.com/apprentice-app/apprentice/blob/main/rubrics/lessons/column-unindexed.md), [\`migration-edited\`](https://github.com/apprentice-app/apprentice/blob/main/rubrics/lessons/migration-edited.md)."
    `);
  });

  it("leaves out the tips section when there are none, and uses the heading level asked for", () => {
    const text = renderExercise({ ...exercise, tips: [] }, { criterionTitles: titles, headingLevel: 3 });
    expect(text).not.toContain("Tips");
    expect(text).toContain("\n### Acceptance criteria\n");
    expect(text).toContain("\n### What Apprentice reviews\n");
  });
});

describe("exerciseIssue", () => {
  it("is the rendered exercise with a hidden marker, labelled exercise and with its skill", () => {
    const issue = exerciseIssue(exercise, titles);
    expect(issue.title).toBe("Index the filters");
    expect(issue.labels).toEqual(["exercise", "database-indexing"]);
    expect(issue.body.startsWith(renderExercise(exercise, { criterionTitles: titles, headingLevel: 2 }))).toBe(true);
    expect(issue.body.endsWith("\n\n<!-- apprentice-exercise: index-the-filters -->\n")).toBe(true);
  });
});
