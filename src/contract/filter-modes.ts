/** Which findings count: on added lines, near them, anywhere in changed files, or anywhere. */
export const FILTER_MODES = ["added", "diff_context", "file", "nofilter"] as const;
export type FilterMode = (typeof FILTER_MODES)[number];
