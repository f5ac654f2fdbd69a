/**
 * An error the learner can fix: one line that says what went wrong and how to fix it.
 * The command prints the message (never a stack trace) and exits with code 2.
 */
export class ScaffoldError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = "ScaffoldError";
  }
}
