import { html, type Html } from "./html.js";
import { percent } from "./format.js";

/** A criterion's level as a coloured pill with its words and percentage (never colour alone). */
export function levelPill(level: string, score: number, max: number, title?: string): Html {
  const share = percent(score, max);
  const tone = share >= 90 ? 4 : share >= 70 ? 3 : share >= 40 ? 2 : 1;
  const label = title ? `${title}: ${level}, ${share}%` : `${level}, ${share}%`;
  return html`<span class="pill p${tone}" title="${label}">${level} ${share}%</span>`;
}
