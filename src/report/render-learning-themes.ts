import type { LearningThemes, Theme } from "./learning-themes.js";
import { LEVEL_STYLE } from "./level-style.js";
import { escapeMarkdown, inlineCode, markdownLink, oneLine } from "./markdown-escape.js";

function firstLink(theme: Theme): string {
  const label = escapeMarkdown(oneLine(theme.first.label));
  return theme.first.url ? markdownLink(theme.first.label, theme.first.url) : label;
}

/**
 * The summary comment's history sections: **Recurring**, **Fixed since last time** and **Focus next**.
 * Empty when there is nothing to say (a first pull request, or nothing that came back).
 */
export function renderLearningThemes(themes: LearningThemes): string {
  const blocks: string[] = [];
  const of = `of your last ${themes.looked} reviewed pull requests`;
  if (themes.recurring.length > 0) {
    blocks.push(
      "### 🔁 Recurring",
      `Checks that fired in at least 2 ${of}:`,
      themes.recurring
        .map(
          (t) =>
            `- ${inlineCode(t.ruleId)} (${LEVEL_STYLE[t.level].meaning}): in ${t.count} ${of}, first in ${firstLink(t)}. ${markdownLink("Lesson", t.lesson)}`,
        )
        .join("\n"),
    );
  }
  if (themes.fixed.length > 0) {
    blocks.push(
      "### 🌱 Fixed since last time",
      themes.fixed
        .map(
          (t) =>
            `- ${inlineCode(t.ruleId)}: it came up in ${t.count} earlier pull requests (first in ${firstLink(t)}) and in none of your last 3. Well done: the lesson stuck.`,
        )
        .join("\n"),
    );
  }
  if (themes.focus.length > 0) {
    blocks.push(
      "### 🎯 Focus next",
      themes.focus
        .map(
          (t, i) =>
            `${i + 1}. ${markdownLink(`Lesson: ${t.ruleId}`, t.lesson)} (${LEVEL_STYLE[t.level].meaning}, ${t.count} ${of})`,
        )
        .join("\n"),
    );
  }
  return blocks.join("\n\n");
}
