import { describe, expect, it } from "vitest";
import { exampleRequest, exampleUrl } from "../../../src/checks/tests/example-request.js";

describe("exampleUrl", () => {
  it("fills parameters and wildcards with sample values", () => {
    expect(exampleUrl("/tasks/:id/comments/:commentId?")).toBe("/tasks/1/comments/1");
    expect(exampleUrl("/users/{id}")).toBe("/users/1");
    expect(exampleUrl("/files/*")).toBe("/files/example");
  });
});

describe("exampleRequest", () => {
  it("writes supertest calls with a body and the usual status for the method", () => {
    expect(exampleRequest("GET", "/tasks/:id", false)).toBe('await request(app).get("/tasks/1").expect(200)');
    expect(exampleRequest("POST", "/tasks", false)).toBe(
      'await request(app).post("/tasks").send(validBody).expect(201)',
    );
    expect(exampleRequest("DELETE", "/tasks/:id", false)).toBe('await request(app).delete("/tasks/1").expect(204)');
  });

  it("writes Fastify inject calls", () => {
    expect(exampleRequest("PUT", "/tasks/:id", true)).toBe(
      'await app.inject({ method: "PUT", url: "/tasks/1", payload: validBody })',
    );
  });
});
