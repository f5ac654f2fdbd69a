import { describe, expect, it } from "vitest";
import { conflict, HttpError, notFound } from "../../src/errors/http-error.js";

describe("HttpError helpers", () => {
  it("notFound makes a 404 with the not_found code", () => {
    const error = notFound("Task 1 does not exist.");
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, code: "not_found", message: "Task 1 does not exist.", details: [] });
  });

  it("conflict makes a 409 with the given code", () => {
    expect(conflict("task_title_taken", "Taken.")).toMatchObject({ status: 409, code: "task_title_taken" });
  });
});
