import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "../../src/errors/http-error.js";
import { toErrorResponse } from "../../src/errors/to-error-response.js";

describe("toErrorResponse", () => {
  it("turns a zod error into 422 with one detail per problem", () => {
    const result = z.object({ title: z.string() }).safeParse({ title: 3 });
    expect(result.success).toBe(false);
    const { status, body } = toErrorResponse(result.error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details).toEqual([{ path: "title", message: expect.any(String) }]);
  });

  it("keeps the status, code and message of an HttpError", () => {
    expect(toErrorResponse(new HttpError(409, "task_title_taken", "Taken."))).toEqual({
      status: 409,
      body: { error: { code: "task_title_taken", message: "Taken.", details: [] } },
    });
  });

  it("answers 400 for a body that is not JSON", () => {
    const parseError = Object.assign(new SyntaxError("Unexpected token"), { type: "entity.parse.failed" });
    expect(toErrorResponse(parseError)).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
  });

  it("hides the details of unexpected errors", () => {
    const { status, body } = toErrorResponse(new Error("connection string postgres://secret@db"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
