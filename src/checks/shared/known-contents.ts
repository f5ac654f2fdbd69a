import type { CheckContext } from "../../contract/check.js";

/** Every file whose content a check can read, by path: the related (unchanged) files, then the changed ones. */
export function knownContents(context: CheckContext): Map<string, string> {
  const contents = new Map<string, string>();
  for (const file of context.relatedFiles) contents.set(file.path, file.content);
  for (const file of context.files) if (file.status !== "removed") contents.set(file.path, file.content);
  return contents;
}
