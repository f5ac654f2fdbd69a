/** Shortening text to a limit without splitting a character made of two UTF-16 code units. */

export const ELLIPSIS = "…";

/** At most `max` UTF-16 code units (what JavaScript's `length` counts), ending in `suffix` when cut. */
export function truncateChars(text: string, max: number, suffix = ELLIPSIS): string {
  if (text.length <= max) return text;
  const ending = suffix.length < max ? suffix : "";
  let end = Math.max(0, max - ending.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + ending;
}

/** At most `maxBytes` bytes of UTF-8, ending in `suffix` when cut. */
export function truncateUtf8(text: string, maxBytes: number, suffix = ELLIPSIS): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(suffix, "utf8");
  let used = 0;
  let out = "";
  for (const char of text) {
    const size = Buffer.byteLength(char, "utf8");
    if (used + size > budget) break;
    used += size;
    out += char;
  }
  return out + suffix;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
