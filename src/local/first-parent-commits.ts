import { simpleGit } from "simple-git";
import { LocalReviewError } from "./local-review-error.js";

export interface CommitRange {
  /** The commit (a merge or a plain commit on the default branch). */
  commit: string;
  /** Its first parent: the range reviewed is parent..commit. */
  parent: string;
  date: Date;
  author: string;
  subject: string;
}

/**
 * The last `count` first-parent commits of `ref` (merges and plain commits on the default branch),
 * oldest first, each with its first parent. The root commit has no parent and is left out.
 */
export async function firstParentCommits(root: string, ref: string, count: number): Promise<CommitRange[]> {
  let out: string;
  try {
    out = await simpleGit(root).raw([
      "log",
      "--first-parent",
      `--max-count=${count}`,
      "--format=%H%x1f%P%x1f%cI%x1f%an%x1f%s",
      ref,
      "--",
    ]);
  } catch {
    throw new LocalReviewError(`cannot read the history of "${ref}" in ${root}`);
  }
  const ranges: CommitRange[] = [];
  for (const line of out.split("\n")) {
    const [commit, parents, date, author, subject] = line.split("\x1f");
    const parent = parents?.split(" ")[0];
    if (!commit || !parent || !date) continue;
    ranges.push({ commit, parent, date: new Date(date), author: author ?? "", subject: subject ?? "" });
  }
  return ranges.reverse();
}
