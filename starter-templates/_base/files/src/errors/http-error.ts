/** An error that carries the HTTP status and the machine-readable code the client receives. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function notFound(message: string): HttpError {
  return new HttpError(404, "not_found", message);
}

export function conflict(code: string, message: string): HttpError {
  return new HttpError(409, code, message);
}
