/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(current[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` candidates close to `word`: containing it, or a few edits away; closest first. */
export function closeMatches(word: string, candidates: readonly string[], limit = 3): string[] {
  const scored = candidates
    .map((candidate) => ({
      candidate,
      distance: candidate.includes(word) || word.includes(candidate) ? 0 : editDistance(word, candidate),
    }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(word.length / 3)));
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map(({ candidate }) => candidate);
}
