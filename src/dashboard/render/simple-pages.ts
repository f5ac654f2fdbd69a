import type { Viewer } from "../fetch-viewer.js";
import { html } from "./html.js";
import { layout } from "./layout.js";

export function signInPage(href: string): string {
  return layout({
    title: "Sign in",
    body: html`<div class="signin">
      <h1>Apprentice dashboard</h1>
      <p class="lede">
        Sign in with GitHub to see your progress, or your cohort's if you own the organisation or account where
        Apprentice is installed.
      </p>
      <p><a class="button" href="${href}">Sign in with GitHub</a></p>
    </div>`,
  });
}

export function messagePage(title: string, message: string, viewer?: string): string {
  return layout({
    title,
    ...(viewer ? { viewer } : {}),
    body: html`<div class="signin">
      <h1>${title}</h1>
      <p class="lede">${message}</p>
      <p><a href="/dashboard">Back to the dashboard</a></p>
    </div>`,
  });
}

/** What a signed-in viewer may open: the cohorts they own and their own learner pages. */
export function homePage(viewer: Viewer, own: { installationId: number; repository: string }[]): string {
  const cohorts = viewer.owns.map(
    (owned) =>
      html`<li>
        <a href="/dashboard/installations/${owned.id}">${owned.account}</a> <span class="muted">cohort</span>
      </li>`,
  );
  const pages = own.map(
    (entry) =>
      html`<li>
        <a href="/dashboard/installations/${entry.installationId}/learners/${encodeURIComponent(viewer.login)}"
          >Your progress in ${entry.repository.split("/")[0] ?? entry.repository}</a
        >
      </li>`,
  );
  const empty = cohorts.length === 0 && pages.length === 0;
  return layout({
    title: "Dashboard",
    viewer: viewer.login,
    body: html`<h1>Welcome, ${viewer.login}</h1>
      ${
        cohorts.length > 0
          ? html`<section class="panel" aria-labelledby="c-h">
              <h2 id="c-h">Cohorts you own</h2>
              <ul>
                ${cohorts}
              </ul>
            </section>`
          : html``
      }
      ${
        pages.length > 0
          ? html`<section class="panel" aria-labelledby="p-h">
              <h2 id="p-h">Your progress</h2>
              <ul>
                ${pages}
              </ul>
            </section>`
          : html``
      }
      ${empty ? html`<p class="empty">Nothing to show yet: Apprentice has reviewed none of your pull requests, and you own no account where it is installed.</p>` : html``}`,
  });
}
