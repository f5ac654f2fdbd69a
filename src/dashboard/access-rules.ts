import type { Viewer } from "./fetch-viewer.js";

/** Owners see their installation's cohort: an organisation owner, or the account owner of a user installation. */
export function canSeeCohort(viewer: Viewer, installationId: number): boolean {
  return viewer.owns.some((owned) => owned.id === installationId);
}

/** A learner sees only their own page (matched by GitHub user id, not by login); owners see every learner's. */
export function canSeeLearner(viewer: Viewer, installationId: number, learnerId: number): boolean {
  return canSeeCohort(viewer, installationId) || viewer.id === learnerId;
}
