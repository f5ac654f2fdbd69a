import { html, type Html } from "./html.js";
import { seriesOf } from "./palette.js";

export interface LineSeries {
  label: string;
  /** 0..100, one per x position; null where the series has no value. */
  values: (number | null)[];
}

export interface LineChartInput {
  id: string;
  title: string;
  description: string;
  /** Label of each x position (a pull request). */
  xLabels: string[];
  series: LineSeries[];
}

const WIDTH = 760;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };

/**
 * A line chart of percentages as inline SVG, hand-written: a few dozen lines give exact control of the
 * accessible name, the markers and the colours, where chart libraries that render SVG on the server
 * need a DOM emulation. The page puts the same numbers in a table next to it.
 */
export function lineChart(input: LineChartInput): Html {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const count = Math.max(input.xLabels.length, 1);
  const x = (index: number): number => PAD.left + (count === 1 ? plotW / 2 : (index / (count - 1)) * plotW);
  const y = (value: number): number => PAD.top + plotH - (value / 100) * plotH;
  const grid = [0, 25, 50, 75, 100].map(
    (tick) =>
      html`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid" /><text
          x="${PAD.left - 8}"
          y="${y(tick) + 4}"
          text-anchor="end"
          class="axis"
          >${tick}%</text
        >`,
  );
  const step = Math.max(1, Math.ceil(count / 10));
  const xTicks = input.xLabels.map((label, index) =>
    index % step === 0 || index === count - 1
      ? html`<text x="${x(index)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle" class="axis">${label}</text>`
      : html``,
  );
  const lines = input.series.map((series, seriesIndex) => {
    const { color, marker } = seriesOf(seriesIndex);
    const points = series.values.flatMap((value, index) => (value === null ? [] : [[x(index), y(value)] as const]));
    const path = points
      .map(([px, py], index) => `${index === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`)
      .join(" ");
    const markers = points.length <= 60 ? points.map(([px, py]) => markerShape(marker, px, py, color)) : [];
    return html`<g aria-hidden="true"
      ><path d="${path}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round" />${markers}</g
    >`;
  });
  const legend = input.series.map((series, index) => {
    const { color, marker } = seriesOf(index);
    return html`<li>
      <svg width="22" height="12" aria-hidden="true" focusable="false">
        <line x1="0" x2="22" y1="6" y2="6" stroke="${color}" stroke-width="2.5" />
        ${markerShape(marker, 11, 6, color)}</svg
      >${series.label}
    </li>`;
  });
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-labelledby="${input.id}-title ${input.id}-desc"
      class="line-chart"
    >
      <title id="${input.id}-title">${input.title}</title>
      <desc id="${input.id}-desc">${input.description}</desc>
      ${grid}${xTicks}${lines}
      <text x="${PAD.left + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle" class="axis-title">
        Pull requests, oldest to newest
      </text>
    </svg>
    <ul class="legend">
      ${legend}
    </ul>
  </figure>`;
}

function markerShape(marker: string, px: number, py: number, color: string): Html {
  const [cx, cy] = [px.toFixed(1), py.toFixed(1)];
  switch (marker) {
    case "square":
      return html`<rect
        x="${(px - 3.5).toFixed(1)}"
        y="${(py - 3.5).toFixed(1)}"
        width="7"
        height="7"
        fill="${color}"
        stroke="#fff"
        stroke-width="1"
      />`;
    case "diamond":
      return html`<path
        d="M${cx},${(py - 5).toFixed(1)} L${(px + 5).toFixed(1)},${cy} L${cx},${(py + 5).toFixed(1)} L${(px - 5).toFixed(1)},${cy} Z"
        fill="${color}"
        stroke="#fff"
        stroke-width="1"
      />`;
    case "triangle":
      return html`<path
        d="M${cx},${(py - 5).toFixed(1)} L${(px + 5).toFixed(1)},${(py + 4).toFixed(1)} L${(px - 5).toFixed(1)},${(py + 4).toFixed(1)} Z"
        fill="${color}"
        stroke="#fff"
        stroke-width="1"
      />`;
    default:
      return html`<circle cx="${cx}" cy="${cy}" r="4" fill="${color}" stroke="#fff" stroke-width="1" />`;
  }
}
