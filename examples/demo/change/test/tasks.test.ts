import request from "supertest";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.js";

describe("tasks", () => {
  it("lists tasks", async () => {
    const response = await request(app).get("/tasks");
    expect(response.status).toBe(200);
  });

  it("answers 404 for an unknown task", async () => {
    await request(app).get("/tasks/999999").expect(404);
  });

  it.only("creates a task", async () => {
    const response = await request(app).post("/tasks").send({ title: "Write tests" });
    expect(response.status).toBe(201);
    expect(response.body.title).toBe("Write tests");
  });

  it("deletes a task", async () => {
    await request(app).delete("/tasks/1");
  });
});
