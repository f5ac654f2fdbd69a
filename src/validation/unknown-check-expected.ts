import { closeMatches } from "./close-matches.js";

/** `expected` for an unknown check id in a rubric or a repository's config, with the closest known id. */
export function unknownCheckExpected(id: string, knownIds: readonly string[]): string {
  const [closest] = closeMatches(id, knownIds, 1);
  const hint = closest === undefined ? "" : `; did you mean "${closest}"?`;
  return `a known check id (see \`npm run review -- --list-checks\`)${hint}`;
}
