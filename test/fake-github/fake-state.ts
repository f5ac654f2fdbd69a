import { createHash } from "node:crypto";
import { diffLinesFromPatch } from "../../src/diff/added-lines.js";
import { makePatch } from "./make-patch.js";

export interface FakeUser {
  login: string;
  type: "Bot" | "User";
}

export const APP_BOT: FakeUser = { login: "apprentice[bot]", type: "Bot" };

export interface FakePullFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed";
  patch?: string;
  additions: number;
  deletions: number;
  changes: number;
}

/** A pull request's author, as pulls.get and the webhook payloads name them. */
export interface FakeAuthor {
  login: string;
  id: number;
  type: "Bot" | "User";
}

/** The author of the fake's pull requests unless a test names another. */
export const DEFAULT_AUTHOR: FakeAuthor = { login: "learner", id: 5_000_001, type: "User" };

/** A user as GitHub's `simple-user` schema has it (the fields every REST answer carries). */
export function simpleUser(user: FakeAuthor): Record<string, unknown> {
  const url = `https://api.github.com/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    type: user.type,
    site_admin: false,
    gravatar_id: "",
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`,
    html_url: `https://github.com/${user.login}`,
    url,
    events_url: `${url}/events{/privacy}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    organizations_url: `${url}/orgs`,
    received_events_url: `${url}/received_events`,
    repos_url: `${url}/repos`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
  };
}

export interface FakePull {
  number: number;
  author: FakeAuthor;
  headSha: string;
  baseSha: string;
  headRef: string;
  draft: boolean;
  files: FakePullFile[];
}

export interface FakeReview {
  id: number;
  pull: number;
  body: string;
  commitId: string;
  user: FakeUser;
}

export interface FakeReviewComment {
  id: number;
  pull: number;
  reviewId: number;
  threadId: string;
  path: string;
  line: number;
  startLine?: number;
  body: string;
  user: FakeUser;
}

export interface FakeThread {
  id: string;
  pull: number;
  path: string;
  resolved: boolean;
  commentIds: number[];
}

export interface FakeIssueComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string };
  annotations: unknown[];
  externalId?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  defaultBranchSha: string;
  /** Files of each commit. */
  commits: Map<string, Map<string, string>>;
  pulls: Map<number, FakePull>;
  reviews: FakeReview[];
  reviewComments: FakeReviewComment[];
  threads: FakeThread[];
  issueComments: FakeIssueComment[];
  checkRuns: FakeCheckRun[];
}

export function shaOf(files: ReadonlyMap<string, string>, salt = ""): string {
  const hash = createHash("sha1");
  hash.update(salt);
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${path}\0${content}\0`);
  return hash.digest("hex");
}

/** Head-side lines of a pull request file's diff: where a review comment may go. */
export function diffLinesOf(file: FakePullFile): Set<number> {
  return diffLinesFromPatch(file.patch);
}

/** The changed files between two commits, with patches, as `pulls.listFiles` returns them. */
export function pullFilesBetween(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): FakePullFile[] {
  const files: FakePullFile[] = [];
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  for (const path of paths) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
    const { patch, additions, deletions } = makePatch(before, after);
    files.push({
      filename: path,
      status,
      ...(patch ? { patch } : {}),
      additions,
      deletions,
      changes: additions + deletions,
    });
  }
  return files;
}
