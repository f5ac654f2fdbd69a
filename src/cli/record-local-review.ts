import { simpleGit } from "simple-git";
import type { ReviewResult } from "../contract/types.js";
import type { Rubric } from "../contract/rubric-schema.js";
import { openHistory } from "../storage/open-history.js";
import { resultParts, rubricHash } from "../storage/review-record.js";

/**
 * `npm run review -- --record`: stores the review in the local history (DATABASE_URL, else the embedded
 * database in APPRENTICE_DATA_DIR or `.apprentice-data/`), keyed by the reviewed commit, one transaction.
 */
export async function recordLocalReview(
  root: string,
  head: string,
  result: ReviewResult,
  rubric: Rubric,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const git = simpleGit(root);
  const [sha = "", date = "", author = ""] = (await git.raw(["log", "-1", "--format=%H%x1f%cI%x1f%an", head]))
    .trim()
    .split("\x1f");
  const { REDIS_URL: _ignored, ...local } = env;
  const history = await openHistory(local, { cwd: root });
  try {
    await history.record({
      installationId: 0,
      repository: root,
      pullNumber: 0,
      headSha: sha,
      author: { login: author, id: 0 },
      rubric: { id: result.rubric.id, hash: rubricHash(rubric) },
      committedAt: date ? new Date(date) : new Date(),
      source: "local",
      ...resultParts(result),
    });
  } finally {
    await history.close();
  }
}
