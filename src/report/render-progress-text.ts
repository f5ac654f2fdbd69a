import type { LearningThemes, Theme } from "./learning-themes.js";
import { progressCriteria, type ProgressRow } from "./render-progress.js";

const BARS = "▁▂▃▄▅▆▇█";
const percent = (score: number, max: number) => (max > 0 ? Math.round((score / max) * 100) : 0);

/** One line per criterion: a sparkline of its score in percent, oldest to newest, with the first and last values. */
export function renderScoreChart(rows: readonly ProgressRow[]): string[] {
  const criteria = progressCriteria(rows);
  const width = Math.max(0, ...criteria.map((c) => c.title.length));
  return criteria.map(({ criterion, title }) => {
    const values = rows.map((row) => {
      const c = row.criteria.find((x) => x.criterion === criterion);
      return c ? percent(c.score, c.max) : undefined;
    });
    const line = values
      .map((v) => (v === undefined ? " " : BARS[Math.min(BARS.length - 1, Math.floor((v / 100) * BARS.length))]))
      .join("");
    const known = values.filter((v): v is number => v !== undefined);
    return `  ${title.padEnd(width)}  ${line}  ${known[0] ?? 0}% -> ${known.at(-1) ?? 0}%`;
  });
}

const themeLine = (t: Theme, what: string) =>
  `  - ${t.ruleId} (${t.level}): ${what}, first in ${t.first.label.slice(0, 7)}\n    lesson: ${t.lesson}`;

/** `npm run progress`'s terminal report: chart, recurring, fixed, focus next. */
export function renderProgressText(rows: readonly ProgressRow[], themes: LearningThemes, heading: string): string {
  const out = [
    heading,
    "",
    `Criterion scores, oldest to newest (${rows.length} commits):`,
    ...renderScoreChart(rows),
    "",
  ];
  out.push(`Recurring themes (at least 2 of the last ${themes.looked} commits):`);
  out.push(
    ...(themes.recurring.length
      ? themes.recurring.map((t) => themeLine(t, `in ${t.count} of ${themes.looked}`))
      : ["  none"]),
    "",
  );
  out.push("Fixed since last time (recurring before, absent from the last 3):");
  out.push(
    ...(themes.fixed.length
      ? themes.fixed.map((t) => themeLine(t, `in ${t.count} earlier commits, well done`))
      : ["  none yet"]),
    "",
  );
  out.push("Focus next:");
  out.push(
    ...(themes.focus.length
      ? themes.focus.map((t, i) => `  ${i + 1}. ${t.ruleId}: ${t.lesson}`)
      : ["  nothing recurring: keep going"]),
  );
  return `${out.join("\n")}\n`;
}

/** `npm run progress -- --format json` (documented in docs/progress-json.md). */
export function progressJson(rows: readonly (ProgressRow & { commit: string })[], themes: LearningThemes): string {
  const theme = (t: Theme) => ({
    ruleId: t.ruleId,
    level: t.level,
    count: t.count,
    firstCommit: t.first.label,
    lesson: t.lesson,
  });
  return `${JSON.stringify(
    {
      reviews: rows.map((row) => ({ commit: row.commit, date: row.date.toISOString(), criteria: row.criteria })),
      recurring: themes.recurring.map(theme),
      fixed: themes.fixed.map(theme),
      focus: themes.focus.map(theme),
    },
    null,
    2,
  )}\n`;
}
