/**
 * Splits an identifier into lowercase words: `generateResetToken` -> ["generate", "reset", "token"],
 * `JWT_SECRET` -> ["jwt", "secret"], `apiKey` -> ["api", "key"].
 */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}
