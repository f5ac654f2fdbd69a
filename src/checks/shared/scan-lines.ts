import type { RawFinding } from "../../contract/types.js";
import type { SourceFile } from "../../contract/check.js";

/** Lines longer than this are data (minified, base64), not configuration: the scanners skip them. */
const MAX_LINE = 2000;

/**
 * Runs `scan` over each line of a text file (1-based line numbers, `\n` or `\r\n`), skipping lines over 2000
 * characters, and collects what it finds with the file's path. The line scanner of the checks that read
 * config and other text files line by line.
 */
export function scanLines(
  file: SourceFile,
  scan: (text: string, line: number) => Omit<RawFinding, "path" | "line"> | undefined,
): RawFinding[] {
  const findings: RawFinding[] = [];
  file.content.split(/\r?\n/).forEach((text, index) => {
    if (text.length > MAX_LINE) return;
    const found = scan(text, index + 1);
    if (found) findings.push({ ...found, path: file.path, line: index + 1 });
  });
  return findings;
}
