import { marked } from "marked";
import { html, raw } from "./html.js";
import { layout } from "./layout.js";

/** The lesson's title: its first heading, else the check id. */
export function lessonTitle(ruleId: string, markdown: string | undefined): string {
  const heading = markdown?.match(/^#\s+(.+)$/m)?.[1]?.trim();
  return heading ?? ruleId;
}

/**
 * A lesson (Apprentice's own rubrics/lessons/<id>.md) rendered with marked. Raw HTML inside the
 * Markdown is escaped rather than passed through, so even a lesson file cannot add markup.
 */
export function lessonPage(ruleId: string, markdown: string, viewer: string): string {
  const renderer = new marked.Renderer();
  renderer.html = ({ text }) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const body = marked.parse(markdown, { async: false, renderer }) as string;
  return layout({
    title: lessonTitle(ruleId, markdown),
    viewer,
    body: html`<article class="lesson">${raw(body)}</article>`,
  });
}
