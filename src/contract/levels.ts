/** Feedback levels, after Exercism's analyzers. Ordered from most to least urgent. */
export const LEVELS = ["essential", "actionable", "informative", "celebratory"] as const;
export type Level = (typeof LEVELS)[number];

/** 0 for essential, up to 3 for celebratory: lower is more urgent. */
export const levelRank = (level: Level): number => LEVELS.indexOf(level);
