/** What a running review can ask while it runs. */
export interface ReviewTicket {
  /** False once a newer review for the same pull request was queued: stop, publish nothing. */
  isCurrent(): boolean;
  /** Aborted when a newer review supersedes this one. */
  signal: AbortSignal;
}
