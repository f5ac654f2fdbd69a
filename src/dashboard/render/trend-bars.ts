import { html, type Html } from "./html.js";

/** A small weekly bar chart (inline SVG) of one check's count; the table it sits in holds the numbers. */
export function trendBars(label: string, weekly: number[], max: number): Html {
  const width = 8 * weekly.length + 2 * (weekly.length - 1);
  const height = 28;
  const bars = weekly.map((value, index) => {
    const h = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * height)) : 0;
    const last = index === weekly.length - 1;
    return html`<rect
      x="${index * 10}"
      y="${height - h}"
      width="8"
      height="${h}"
      rx="1"
      fill="${last ? "#0b4f99" : "#6b9bd1"}"
    />`;
  });
  const first = weekly[0] ?? 0;
  const latest = weekly[weekly.length - 1] ?? 0;
  const summary = `${label}: ${weekly.join(", ")} pull requests per week, oldest first (${first} to ${latest})`;
  return html`<svg
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${summary}"
    class="trend"
  >
    <line x1="0" x2="${width}" y1="${height - 0.5}" y2="${height - 0.5}" stroke="#c7ced8" />
    ${bars}
  </svg>`;
}
