/** `text` with every regular-expression metacharacter escaped, to match it literally inside a `new RegExp(...)`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
