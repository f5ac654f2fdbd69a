import { html, type Html } from "./html.js";

export interface LayoutInput {
  title: string;
  /** The signed-in login, shown with a sign-out button. */
  viewer?: string;
  body: Html;
}

/** The page shell: a landmark header, one main region, the stylesheet; no script at all. */
export function layout(input: LayoutInput): string {
  const nav = input.viewer
    ? html`<nav aria-label="Account">
        <span>Signed in as <strong>${input.viewer}</strong></span>
        <form method="post" action="/dashboard/logout"><button type="submit">Sign out</button></form>
      </nav>`
    : html``;
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} · Apprentice</title>
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css" />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/dashboard">Apprentice <span>dashboard</span></a
          >${nav}
        </header>
        <main id="main">${input.body}</main>
      </body>
    </html>`.text
  }`;
}
