/** An error the client can act on: it becomes `{"error":{"code","message","details"}}` with `status`. */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError(404, "not_found", `${what} was not found`);
