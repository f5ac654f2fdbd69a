import { lessonUrl } from "../contract/lesson-url.js";
import { LEVELS, type Level } from "../contract/levels.js";
import { type Finding } from "../contract/types.js";

/** One earlier (or the current) pull request, as the themes see it: where it is and which checks fired. */
export interface ThemeReview {
  /** Shown as the link text, e.g. "octo/api#12", or a short commit SHA for local history. */
  label: string;
  url?: string;
  /** Checks that fired (celebratory findings excluded), each once, at its most urgent level. */
  rules: { ruleId: string; level: Level }[];
}

export interface Theme {
  ruleId: string;
  level: Level;
  /** In how many of the reviews looked at it fired. */
  count: number;
  /** The oldest of those reviews where it fired. */
  first: { label: string; url?: string };
  lesson: string;
}

export interface LearningThemes {
  /** How many reviews were looked at (at most 10, the current one included). */
  looked: number;
  /** Fired in at least 2 of them, and in at least one of the last 3. */
  recurring: Theme[];
  /** Fired in at least 2 of them, but in none of the last 3: praise. */
  fixed: Theme[];
  /** At most 3 recurring themes: most urgent level first, then most frequent. */
  focus: Theme[];
}

export const THEME_WINDOW = 10;
export const FIXED_WINDOW = 3;
export const MIN_RECURRENCE = 2;
export const MAX_FOCUS = 3;

/** The checks of one engine result, as a ThemeReview's rules. */
export function rulesOf(findings: readonly Pick<Finding, "ruleId" | "level">[]): ThemeReview["rules"] {
  const best = new Map<string, Level>();
  for (const { ruleId, level } of findings) {
    if (level === "celebratory") continue;
    const known = best.get(ruleId);
    if (known === undefined || LEVELS.indexOf(level) < LEVELS.indexOf(known)) best.set(ruleId, level);
  }
  return [...best].map(([ruleId, level]) => ({ ruleId, level }));
}

/**
 * Recurring themes, fixed themes and what to focus on, from a learner's reviews newest first (the
 * current one first when there is one). Pure: the caller looks the history up.
 */
export function learningThemes(
  reviews: readonly ThemeReview[],
  lessonLink: (ruleId: string) => string = lessonUrl,
): LearningThemes {
  const window = reviews.slice(0, THEME_WINDOW);
  const seen = new Map<string, { level: Level; count: number; firstIndex: number; recent: boolean }>();
  window.forEach((review, index) => {
    for (const { ruleId, level } of review.rules) {
      const theme = seen.get(ruleId) ?? { level, count: 0, firstIndex: index, recent: false };
      theme.count += 1;
      theme.firstIndex = index;
      if (LEVELS.indexOf(level) < LEVELS.indexOf(theme.level)) theme.level = level;
      if (index < FIXED_WINDOW) theme.recent = true;
      seen.set(ruleId, theme);
    }
  });
  const recurring: Theme[] = [];
  const fixed: Theme[] = [];
  for (const [ruleId, theme] of seen) {
    if (theme.count < MIN_RECURRENCE) continue;
    const firstReview = window[theme.firstIndex];
    const first = { label: firstReview?.label ?? "", ...(firstReview?.url ? { url: firstReview.url } : {}) };
    (theme.recent ? recurring : fixed).push({
      ruleId,
      level: theme.level,
      count: theme.count,
      first,
      lesson: lessonLink(ruleId),
    });
  }
  const byUrgency = (a: Theme, b: Theme) =>
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.count - a.count || a.ruleId.localeCompare(b.ruleId);
  recurring.sort(byUrgency);
  fixed.sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  return { looked: window.length, recurring, fixed, focus: recurring.slice(0, MAX_FOCUS) };
}
