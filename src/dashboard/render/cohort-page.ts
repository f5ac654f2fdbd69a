import type { CohortView } from "../dashboard-views.js";
import { ago, formatShortDate, plural } from "./format.js";
import { html, type Html } from "./html.js";
import { layout } from "./layout.js";
import { levelPill } from "./level-pill.js";
import { heatBucket } from "./palette.js";
import { trendBars } from "./trend-bars.js";

export function learnerHref(installationId: number, login: string): string {
  return `/dashboard/installations/${installationId}/learners/${encodeURIComponent(login)}`;
}

/** An installation's cohort: learners, the 10 most frequent checks with their weekly trend, a heatmap. */
export function cohortPage(view: CohortView, viewer: string, now = new Date()): string {
  const reviewed = view.learners.reduce((sum, learner) => sum + learner.pulls, 0);
  const withThemes = view.learners.filter((learner) => learner.recurring > 0).length;
  const body = html`<h1>${view.account}: cohort</h1>
    <p class="lede">
      ${plural(view.learners.length, "learner")} · ${plural(reviewed, "reviewed pull request")} · trends over the last
      ${plural(view.weeks.length, "week")}
    </p>
    <div class="cards">
      <div class="stat"><b>${view.learners.length}</b><span>learners</span></div>
      <div class="stat"><b>${reviewed}</b><span>pull requests reviewed</span></div>
      <div class="stat"><b>${withThemes}</b><span>learners with recurring themes</span></div>
      <div class="stat"><b>${view.topChecks[0]?.ruleId ?? "none"}</b><span>most frequent check</span></div>
    </div>
    ${topChecks(view)} ${heatmap(view)} ${learnersTable(view, now)}`;
  return layout({ title: `${view.account} cohort`, viewer, body });
}

function topChecks(view: CohortView): Html {
  if (view.topChecks.length === 0)
    return html`<section class="panel" aria-labelledby="top-h">
      <h2 id="top-h">Most frequent checks</h2>
      <p class="empty">No check fired in the last weeks.</p>
    </section>`;
  const max = Math.max(...view.topChecks.flatMap((check) => check.weekly));
  const weekHeads = view.weeks.map((week) => html`<th scope="col" class="num">${formatShortDate(week)}</th>`);
  const rows = view.topChecks.map((check) => {
    const direction = trendOf(check.weekly);
    return html`<tr>
      <th scope="row"><a href="/dashboard/lessons/${check.ruleId}">${check.ruleId}</a></th>
      <td class="num">${check.total}</td>
      <td>${trendBars(check.ruleId, check.weekly, max)} <span class="muted">${direction}</span></td>
    </tr>`;
  });
  const dataRows = view.topChecks.map(
    (check) =>
      html`<tr>
        <th scope="row">${check.ruleId}</th>
        ${check.weekly.map((value) => html`<td class="num">${value}</td>`)}
      </tr>`,
  );
  return html`<section class="panel" aria-labelledby="top-h">
    <h2 id="top-h">The cohort's 10 most frequent checks</h2>
    <p class="muted">Pull requests in which each check fired, in total and per week (oldest week first).</p>
    <table>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col" class="num">Pull requests</th>
          <th scope="col">Weekly trend</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <details>
      <summary>Weekly numbers as a table</summary>
      <table>
        <caption class="muted">
          Pull requests per week in which each check fired
        </caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            ${weekHeads}
          </tr>
        </thead>
        <tbody>
          ${dataRows}
        </tbody>
      </table>
    </details>
  </section>`;
}

function heatmap(view: CohortView): Html {
  if (view.topChecks.length === 0 || view.learners.length === 0) return html``;
  const heads = view.topChecks.map((check) => html`<th scope="col" class="rot"><div>${check.ruleId}</div></th>`);
  const columnMax = view.topChecks.map((_check, column) => Math.max(...view.heatmap.map((row) => row[column] ?? 0)));
  const rows = view.learners.map((learner, rowIndex) => {
    const cells = view.topChecks.map((check, column) => {
      const value = view.heatmap[rowIndex]?.[column] ?? 0;
      return html`<td
        class="h h${heatBucket(value, columnMax[column] ?? 0)}"
        title="${learner.login}, ${check.ruleId}: ${value}"
      >
        ${value}
      </td>`;
    });
    return html`<tr>
      <th scope="row"><a href="${learnerHref(view.installationId, learner.login)}">${learner.login}</a></th>
      ${cells}
    </tr>`;
  });
  return html`<section class="panel" aria-labelledby="heat-h">
    <h2 id="heat-h">Learners × checks</h2>
    <p class="muted">
      Each cell is the number of the learner's last 10 pull requests in which the check fired (2 or more is a recurring
      theme); darker is more often, relative to the column.
    </p>
    <table class="heat">
      <thead>
        <tr>
          <th scope="col">Learner</th>
          ${heads}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function learnersTable(view: CohortView, now: Date): Html {
  const heads = view.criteria.map((criterion) => html`<th scope="col">${criterion.title}</th>`);
  const rows = view.learners.map((learner) => {
    const cells = view.criteria.map((criterion) => {
      const latest = learner.latest.find((candidate) => candidate.criterion === criterion.criterion);
      return html`<td>
        ${latest ? levelPill(latest.level, latest.score, latest.max, criterion.title) : html`<span class="muted">—</span>`}
      </td>`;
    });
    return html`<tr>
      <th scope="row"><a href="${learnerHref(view.installationId, learner.login)}">${learner.login}</a></th>
      ${cells}
      <td class="num">${learner.recurring}</td>
      <td class="num">${learner.pulls}</td>
      <td><time datetime="${learner.lastActivity.toISOString()}">${ago(learner.lastActivity, now)}</time></td>
    </tr>`;
  });
  return html`<section class="panel" aria-labelledby="learners-h">
    <h2 id="learners-h">Learners</h2>
    <table>
      <caption class="muted">
        Levels of each learner's newest reviewed pull request
      </caption>
      <thead>
        <tr>
          <th scope="col">Learner</th>
          ${heads}
          <th scope="col" class="num">Recurring themes</th>
          <th scope="col" class="num">Pull requests</th>
          <th scope="col">Last activity</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

/** Compares the newer half of the window with the older half: a change of a fifth or more is a trend. */
export function trendOf(weekly: number[]): "rising" | "falling" | "steady" {
  const half = Math.floor(weekly.length / 2);
  const older = weekly.slice(0, half).reduce((sum, value) => sum + value, 0);
  const newer = weekly.slice(weekly.length - half).reduce((sum, value) => sum + value, 0);
  if (newer >= older * 1.2 && newer > older) return "rising";
  if (newer <= older * 0.8 && newer < older) return "falling";
  return "steady";
}
