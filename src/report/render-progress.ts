import { escapeMarkdown, markdownLink, oneLine, tableCell } from "./markdown-escape.js";

/** One reviewed pull request (or commit) and its criterion scores: plain data for the progress renderers. */
export interface ProgressRow {
  label: string;
  url?: string;
  date: Date;
  criteria: { criterion: string; title: string; score: number; max: number; level: string }[];
}

const percent = (score: number, max: number) => (max > 0 ? Math.round((score / max) * 100) : 0);
const mermaidText = (text: string) => oneLine(text).replace(/["\\]/g, "'").slice(0, 40);

/** Criteria in the order they first appear across the rows. */
export function progressCriteria(rows: readonly ProgressRow[]): { criterion: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) for (const c of row.criteria) if (!seen.has(c.criterion)) seen.set(c.criterion, c.title);
  return [...seen].map(([criterion, title]) => ({ criterion, title }));
}

/**
 * The reply to `/apprentice progress`: a table of the learner's last pull requests with criterion
 * scores, and a Mermaid `xychart-beta` line chart of the same scores in percent (GitHub renders Mermaid).
 */
export function renderProgressMarkdown(rows: readonly ProgressRow[], learner: string): string {
  const who = escapeMarkdown(oneLine(learner));
  if (rows.length === 0)
    return `Apprentice has no reviewed pull requests of @${who} yet. Progress shows after the first review.`;
  const criteria = progressCriteria(rows);
  const header = `| pull request | date | ${criteria.map((c) => tableCell(escapeMarkdown(c.title))).join(" | ")} |`;
  const rule = `| --- | --- | ${criteria.map(() => "---:").join(" | ")} |`;
  const body = rows.map((row) => {
    const cells = criteria.map(({ criterion }) => {
      const c = row.criteria.find((x) => x.criterion === criterion);
      return c ? tableCell(`${formatNumber(c.score)}/${formatNumber(c.max)} ${escapeMarkdown(c.level)}`) : "–";
    });
    const name = row.url ? markdownLink(row.label, row.url) : escapeMarkdown(oneLine(row.label));
    return `| ${tableCell(name)} | ${row.date.toISOString().slice(0, 10)} | ${cells.join(" | ")} |`;
  });
  const lines = criteria.map(({ criterion }) => {
    const values = rows.map((row) => {
      const c = row.criteria.find((x) => x.criterion === criterion);
      return c ? percent(c.score, c.max) : 0;
    });
    return `  line [${values.join(", ")}]`;
  });
  const chart = [
    "```mermaid",
    "xychart-beta",
    '  title "Criterion scores (%)"',
    `  x-axis [${rows.map((row) => `"${mermaidText(row.label)}"`).join(", ")}]`,
    '  y-axis "score (%)" 0 --> 100',
    ...lines,
    "```",
  ].join("\n");
  const legend = `Lines, in order: ${criteria.map((c, i) => `${i + 1}. ${escapeMarkdown(oneLine(c.title))}`).join(", ")}.`;
  return [
    `**Progress of @${who}** over the last ${rows.length} reviewed pull requests, oldest first:`,
    [header, rule, ...body].join("\n"),
    chart,
    legend,
  ].join("\n\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
