/** The 1-based line of a character offset in `text` (offsets past the end give the last line). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let position = text.indexOf("\n");
    position !== -1 && position < offset;
    position = text.indexOf("\n", position + 1)
  )
    line++;
  return line;
}
