import { ZodError } from "zod";
import { HttpError } from "./http-error.js";

export interface ErrorBody {
  error: { code: string; message: string; details: readonly unknown[] };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

/** Errors raised by Express's body parser carry a `type` such as "entity.parse.failed". */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  "entity.parse.failed": { status: 400, code: "invalid_json", message: "The request body is not valid JSON." },
  "entity.too.large": { status: 413, code: "payload_too_large", message: "The request body is too large." },
  "encoding.unsupported": { status: 415, code: "unsupported_encoding", message: "The request body encoding is not supported." },
};

function response(status: number, code: string, message: string, details: readonly unknown[] = []): ErrorResponse {
  return { status, body: { error: { code, message, details } } };
}

function bodyParserErrorType(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "type" in error && typeof error.type === "string") {
    return error.type;
  }
  return undefined;
}

/**
 * Turns any thrown value into the status and JSON body the client sees. Unknown errors become a
 * generic 500 so that no stack trace or internal detail leaks into a response.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return response(422, "validation_failed", "The request is not valid.", details);
  }
  if (error instanceof HttpError) {
    return response(error.status, error.code, error.message, error.details);
  }
  const known = BODY_PARSER_ERRORS[bodyParserErrorType(error) ?? ""];
  if (known) {
    return response(known.status, known.code, known.message);
  }
  return response(500, "internal_error", "Something went wrong on our side. Please try again later.");
}
