import type { LearnerView } from "../dashboard-views.js";
import { formatDate, formatShortDate, percent, plural } from "./format.js";
import { html, type Html } from "./html.js";
import { layout } from "./layout.js";
import { levelPill } from "./level-pill.js";
import { lineChart } from "./line-chart.js";

function pullLink(pull: { repository: string; pullNumber: number; pullUrl?: string }): Html {
  const label = `${pull.repository}#${pull.pullNumber}`;
  return pull.pullUrl && /^https?:\/\//.test(pull.pullUrl)
    ? html`<a href="${pull.pullUrl}">${label}</a>`
    : html`${label}`;
}

/** One learner: criterion scores per pull request over time, recurring themes with lessons, their pull requests. */
export function learnerPage(view: LearnerView, viewer: string, context: { cohortHref?: string } = {}): string {
  const criteria = [
    ...new Map(
      view.pulls.flatMap((pull) => pull.criteria.map((criterion) => [criterion.criterion, criterion.title] as const)),
    ).entries(),
  ];
  const latest = view.pulls[view.pulls.length - 1];
  const back = context.cohortHref ? html`<p><a href="${context.cohortHref}">← Back to the cohort</a></p>` : html``;
  const chart =
    view.pulls.length === 0
      ? html`<p class="empty">No reviewed pull request yet.</p>`
      : lineChart({
          id: "scores",
          title: `${view.login}'s criterion scores per pull request`,
          description: `Scores in percent for ${criteria.map(([, title]) => title).join(", ")} across ${plural(view.pulls.length, "pull request")}, oldest first. The table below holds the same numbers.`,
          xLabels: view.pulls.map((pull) => formatShortDate(pull.reviewedAt)),
          series: criteria.map(([id, title]) => ({
            label: title,
            values: view.pulls.map((pull) => {
              const found = pull.criteria.find((criterion) => criterion.criterion === id);
              return found ? percent(found.score, found.max) : null;
            }),
          })),
        });
  const heads = criteria.map(([, title]) => html`<th scope="col">${title}</th>`);
  const rows = [...view.pulls].reverse().map(
    (pull) =>
      html`<tr>
        <th scope="row">${pullLink(pull)}</th>
        <td><time datetime="${pull.reviewedAt.toISOString()}">${formatDate(pull.reviewedAt)}</time></td>
        ${criteria.map(([id, title]) => {
          const found = pull.criteria.find((criterion) => criterion.criterion === id);
          return html`<td>
            ${found ? levelPill(found.level, found.score, found.max, title) : html`<span class="muted">—</span>`}
          </td>`;
        })}
        <td class="num">${pull.findings}</td>
        <td>${pull.conclusion}</td>
      </tr>`,
  );
  const themes =
    view.recurring.length === 0
      ? html`<p class="empty">No recurring theme in the last 10 pull requests. Well done.</p>`
      : view.recurring.map(
          (theme) =>
            html`<article class="theme">
              <h3><a href="${theme.lesson.url}">${theme.lesson.title}</a></h3>
              <div class="count" aria-label="in ${theme.count} of the last 10 pull requests">${theme.count}×</div>
              <p><code>${theme.ruleId}</code> · ${theme.level} · first seen in ${pullLink(theme.firstPull)}</p>
              <p>in ${theme.count} of the last 10 pull requests</p>
            </article>`,
        );
  const body = html`${back}
    <h1>${view.login}</h1>
    <p class="lede">
      ${plural(view.pulls.length, "reviewed pull request")}${latest ? html` · newest ${formatDate(latest.reviewedAt)}` : html``}
    </p>
    <div class="cards">
      ${(latest?.criteria ?? []).map((criterion) => html`<div class="stat"><b>${percent(criterion.score, criterion.max)}%</b><span>${criterion.title} now: ${criterion.level}</span></div>`)}
      <div class="stat"><b>${view.recurring.length}</b><span>recurring themes</span></div>
    </div>
    <section class="panel" aria-labelledby="chart-h">
      <h2 id="chart-h">Criterion scores over time</h2>
      ${chart}
      <details>
        <summary>Scores as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Pull request</th>
              ${heads}
            </tr>
          </thead>
          <tbody>
            ${view.pulls.map(
              (pull) =>
                html`<tr>
                  <th scope="row">${pull.repository}#${pull.pullNumber} (${formatDate(pull.reviewedAt)})</th>
                  ${criteria.map(([id]) => {
                    const found = pull.criteria.find((criterion) => criterion.criterion === id);
                    return html`<td class="num">${found ? `${percent(found.score, found.max)}%` : "—"}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </section>
    <section class="panel" aria-labelledby="themes-h">
      <h2 id="themes-h">Recurring themes</h2>
      <p class="muted">Checks that fired in at least 2 of the last 10 pull requests, with the lesson to read.</p>
      ${themes}
    </section>
    <section class="panel" aria-labelledby="pulls-h">
      <h2 id="pulls-h">Pull requests</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Pull request</th>
            <th scope="col">Reviewed</th>
            ${heads}
            <th scope="col" class="num">Findings</th>
            <th scope="col">Conclusion</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </section>`;
  return layout({ title: view.login, viewer, body });
}
