import { renderProgressMarkdown, type ProgressRow } from "../report/render-progress.js";
import type { HistoryStore } from "../storage/history-store.js";

/** The reply to `/apprentice progress`: the pull request author's last 10 reviewed pull requests in the installation. */
export async function progressReply(
  history: HistoryStore,
  installationId: number,
  learner: { login: string; id: number },
): Promise<string> {
  const points = await history.progress({ installationId, authorId: learner.id }, 10);
  const rows = points.map((p): ProgressRow => ({
    label: `${p.repository}#${p.pullNumber}`,
    ...(p.pullUrl ? { url: p.pullUrl } : {}),
    date: p.reviewedAt,
    criteria: p.criteria,
  }));
  return renderProgressMarkdown(rows, learner.login);
}
