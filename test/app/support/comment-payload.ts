import { DEFAULT_AUTHOR } from "../../fake-github/fake-state.js";
import { examplePayload, INSTALLATION_ID, OWNER, REPO } from "./harness.js";

/**
 * An issue_comment.created payload (real example) for a comment on pull request `number` by `user`;
 * the pull request's author (`issue.user`) is `author`, the fake's default author unless named.
 */
export function commentPayload(
  body: string,
  number = 1,
  user: { login: string; type: string; id?: number } = DEFAULT_AUTHOR,
  author: { login: string; type: string; id: number } = DEFAULT_AUTHOR,
): Record<string, unknown> {
  const payload = examplePayload("issue_comment", "created");
  const repository = payload.repository as { name: string; full_name: string; owner: { login: string } };
  repository.name = REPO;
  repository.full_name = `${OWNER}/${REPO}`;
  repository.owner.login = OWNER;
  payload.installation = { id: INSTALLATION_ID, node_id: "x" };
  const issue = payload.issue as Record<string, unknown> & { user: Record<string, unknown> };
  issue.number = number;
  issue.pull_request = {
    url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
    html_url: "",
    diff_url: "",
    patch_url: "",
  };
  Object.assign(issue.user, { login: author.login, id: author.id, type: author.type });
  const comment = payload.comment as Record<string, unknown> & { user: Record<string, unknown> };
  comment.body = body;
  Object.assign(comment.user, {
    login: user.login,
    type: user.type,
    ...(user.id !== undefined ? { id: user.id } : {}),
  });
  return payload;
}
