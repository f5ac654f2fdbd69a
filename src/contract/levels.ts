/** Feedback levels, after Exercism's analyzers. Ordered from most to least urgent. */
export const LEVELS = ["essential", "actionable", "informative", "celebratory"] as const;
export type Level = (typeof LEVELS)[number];
