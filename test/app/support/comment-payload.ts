import { examplePayload, INSTALLATION_ID, OWNER, REPO } from "./harness.js";

/** An issue_comment.created payload (real example) for a comment on pull request `number`. */
export function commentPayload(body: string, number = 1, user: { login: string; type: string } = { login: "learner", type: "User" }): Record<string, unknown> {
  const payload = examplePayload("issue_comment", "created");
  const repository = payload.repository as { name: string; full_name: string; owner: { login: string } };
  repository.name = REPO;
  repository.full_name = `${OWNER}/${REPO}`;
  repository.owner.login = OWNER;
  payload.installation = { id: INSTALLATION_ID, node_id: "x" };
  const issue = payload.issue as Record<string, unknown>;
  issue.number = number;
  issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`, html_url: "", diff_url: "", patch_url: "" };
  const comment = payload.comment as Record<string, unknown> & { user: Record<string, unknown> };
  comment.body = body;
  comment.user.login = user.login;
  comment.user.type = user.type;
  return payload;
}
