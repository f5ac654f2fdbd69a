import type { Command } from "../app/parse-command.js";

/** A person on GitHub, as a command needs them. */
export interface CommandUser {
  login: string;
  id: number;
}

/**
 * One `/apprentice …` comment to answer, as it travels through the queue: plain data, so it survives
 * Redis and a restart. The webhook only parses the command; the reply (and any GitHub read it needs)
 * happens in a worker, like a review.
 */
export interface CommandJobData {
  installationId: number;
  owner: string;
  repo: string;
  /** The pull request the comment is on. */
  number: number;
  commentId: number;
  command: Command;
  /** Who wrote the comment (`forget-me` forgets them). */
  commenter?: CommandUser;
  /** Who opened the pull request (`progress` shows theirs). */
  author?: CommandUser;
}
