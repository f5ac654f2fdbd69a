/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each with a marker
 * shape so a line is told apart without its colour too. All reach 3:1 against white (WCAG 1.4.11).
 */
export const SERIES = [
  { color: "#0b6bcb", marker: "circle" },
  { color: "#c2410c", marker: "square" },
  { color: "#047857", marker: "diamond" },
  { color: "#7e22ce", marker: "triangle" },
  { color: "#a16207", marker: "circle" },
  { color: "#be185d", marker: "square" },
] as const;

export function seriesOf(index: number): (typeof SERIES)[number] {
  return SERIES[index % SERIES.length]!;
}

/** 0..6: how dark a heatmap cell is, from the share of the column's maximum. */
export function heatBucket(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(6, Math.ceil((value / max) * 6)));
}
