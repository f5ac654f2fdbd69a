/**
 * The numbers in an ESLint message, in order, leaving out quoted names:
 * "Function 'step2' has a complexity of 12. Maximum allowed is 10." -> [12, 10].
 */
export function numbersIn(message: string): number[] {
  return [...message.replace(/'[^']*'/g, "").matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/**
 * The thing an ESLint message is about, in lower case for use mid-sentence:
 * "Method 'save' has too many lines" -> "method `save`"; "Arrow function has ..." -> "this arrow function".
 */
export function subjectOf(message: string): string {
  const subject = (message.split(/ has /)[0] ?? "").trim();
  if (!subject) return "this function";
  const named = subject.replace(/'([^']+)'/g, "`$1`");
  const lower = named.charAt(0).toLowerCase() + named.slice(1);
  return named === subject ? `this ${lower}` : lower;
}

/** The first quoted name in an ESLint message: "'x' is defined but never used." -> "x". */
export function quotedName(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1];
}
