import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { requestId } from "../../src/http/request-id.js";

const app = express();
app.get("/", (req, res) => {
  res.json({ id: requestId(req, res) });
});

describe("requestId", () => {
  it("reuses a safe incoming X-Request-Id and echoes it", async () => {
    const response = await request(app).get("/").set("X-Request-Id", "abc-123_X");
    expect(response.body.id).toBe("abc-123_X");
    expect(response.headers["x-request-id"]).toBe("abc-123_X");
  });

  it("makes a new UUID when there is none or it looks unsafe", async () => {
    const missing = await request(app).get("/");
    const unsafe = await request(app).get("/").set("X-Request-Id", "bad id\" injected");
    for (const response of [missing, unsafe]) {
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers["x-request-id"]).toBe(response.body.id);
    }
  });
});
