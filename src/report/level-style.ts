import type { Level } from "../contract/levels.js";

/** How one feedback level looks and maps, in every renderer, so the terminal, Markdown and GitHub agree. */
export interface LevelStyle {
  /** Capitalised name, e.g. "Essential". */
  label: string;
  /** What the level asks of the learner, e.g. "must fix". */
  meaning: string;
  /** Shown in Markdown (comments, summary). */
  emoji: string;
  /** picocolors colour used by the terminal renderer. */
  color: "red" | "yellow" | "cyan" | "green";
  /** GitHub check-run annotation level. */
  annotationLevel: "failure" | "warning" | "notice";
  /** SARIF result level. */
  sarifLevel: "error" | "warning" | "note";
}

export const LEVEL_STYLE: Readonly<Record<Level, LevelStyle>> = {
  essential: {
    label: "Essential",
    meaning: "must fix",
    emoji: "🛑",
    color: "red",
    annotationLevel: "failure",
    sarifLevel: "error",
  },
  actionable: {
    label: "Actionable",
    meaning: "should fix",
    emoji: "⚠️",
    color: "yellow",
    annotationLevel: "warning",
    sarifLevel: "warning",
  },
  informative: {
    label: "Informative",
    meaning: "worth knowing",
    emoji: "💡",
    color: "cyan",
    annotationLevel: "notice",
    sarifLevel: "note",
  },
  celebratory: {
    label: "Celebratory",
    meaning: "done well",
    emoji: "🎉",
    color: "green",
    annotationLevel: "notice",
    sarifLevel: "note",
  },
};

/** The Markdown badge for a level, e.g. "🛑 **Essential**". */
export function levelBadge(level: Level): string {
  const style = LEVEL_STYLE[level];
  return `${style.emoji} **${style.label}**`;
}
