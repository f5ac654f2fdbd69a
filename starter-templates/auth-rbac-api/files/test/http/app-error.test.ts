import { describe, expect, it } from "vitest";
import { AppError, notFound } from "../../src/http/app-error.js";

describe("AppError", () => {
  it("carries a status, a code, a message and details", () => {
    const error = new AppError(409, "email_taken", "Taken", [{ field: "email" }]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 409, code: "email_taken", message: "Taken", details: [{ field: "email" }] });
  });

  it("has no details unless given", () => {
    expect(new AppError(400, "bad", "Bad").details).toEqual([]);
  });

  it("builds 404 errors that name the missing thing", () => {
    expect(notFound("Note")).toMatchObject({ status: 404, code: "not_found", message: "Note was not found" });
  });
});
