/** A problem with what the user asked for (missing repo, unknown ref, ...): printed as one line, exit code 2. */
export class LocalReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalReviewError";
  }
}
