import { z } from "zod";
import { describe, expect, it } from "vitest";
import { HttpError } from "../../src/errors/http-error.js";
import { parseInput } from "../../src/http/parse-input.js";

const schema = z.object({ name: z.string().min(1), age: z.coerce.number().int() });

describe("parseInput", () => {
  it("returns the parsed, typed value", () => {
    expect(parseInput(schema, { name: "Ada", age: "36" }, "query")).toEqual({ name: "Ada", age: 36 });
  });

  it("throws a 400 validation_failed listing every problem with its path", () => {
    let caught: unknown;
    try {
      parseInput(schema, { name: "", age: "old" }, "body");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpError);
    expect(caught).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "The request body is not valid",
      details: [
        { path: "body.name", message: expect.any(String) },
        { path: "body.age", message: expect.any(String) },
      ],
    });
  });
});
