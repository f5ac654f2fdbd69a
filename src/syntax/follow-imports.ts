/**
 * The unchanged modules a change's JavaScript/TypeScript files import from relative paths, and the modules those
 * import, a level at a time, within a file and byte budget. Front ends (the CLI reading git, the App reading
 * GitHub) pass them to the review as related files, so the security checks follow input from a changed handler
 * into the helper or DAO it calls. One `read` per level: the App turns each into one batched GraphQL query.
 */
import type { RelatedFile } from "../contract/types.js";
import { relativeImports } from "./relative-imports.js";

/** How far imports are followed from the changed files: a handler, the service it calls, the DAO that one calls. */
export const IMPORT_DEPTH = 3;

const JS_SOURCE = /\.[cm]?[jt]sx?$/;

export interface FollowImportsOptions {
  /** The files whose imports are followed (the change). */
  start: readonly RelatedFile[];
  /** Paths the repository has at the reviewed commit. */
  exists: (path: string) => boolean;
  /** Paths never fetched again (the change itself, files already related). */
  known: Iterable<string>;
  /** Reads the text of these paths; a path it cannot read is left out. */
  read: (paths: readonly string[]) => Promise<Map<string, string | undefined>>;
  maxFiles: number;
  maxBytes: number;
  depth?: number;
}

/** The imported modules, in the order they were reached (nearest first). */
export async function followImports(options: FollowImportsOptions): Promise<RelatedFile[]> {
  const seen = new Set(options.known);
  let budgetFiles = options.maxFiles;
  let budgetBytes = options.maxBytes;
  const related: RelatedFile[] = [];
  let frontier = options.start.filter((file) => JS_SOURCE.test(file.path));
  for (let depth = 0; depth < (options.depth ?? IMPORT_DEPTH) && frontier.length > 0 && budgetFiles > 0; depth++) {
    const wanted = [...new Set(frontier.flatMap((file) => relativeImports(file.path, file.content, options.exists)))]
      .filter((path) => !seen.has(path))
      .slice(0, budgetFiles);
    if (wanted.length === 0) break;
    for (const path of wanted) seen.add(path);
    const texts = await options.read(wanted);
    frontier = [];
    for (const path of wanted) {
      const content = texts.get(path);
      if (content === undefined || content.length > budgetBytes) continue;
      budgetBytes -= content.length;
      budgetFiles--;
      related.push({ path, content });
      frontier.push({ path, content });
    }
  }
  return related;
}
