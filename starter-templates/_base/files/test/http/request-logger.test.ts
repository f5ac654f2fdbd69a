import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createRequestLogger, REQUEST_ID_HEADER } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";

function appWithCapture() {
  const capture = createLogCapture();
  const app = express();
  app.use(createRequestLogger(createLogger("info", capture)));
  app.get("/hello", (_req, res) => {
    res.json({ hello: "world" });
  });
  return { app, capture };
}

describe("createRequestLogger", () => {
  it("gives every request an id, returns it in a header and logs it", async () => {
    const { app, capture } = appWithCapture();
    const response = await request(app).get("/hello");
    const id = response.headers[REQUEST_ID_HEADER];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(capture.lines).toContainEqual(expect.objectContaining({ req: expect.objectContaining({ id }), msg: "request completed" }));
  });

  it("reuses a well-formed incoming request id", async () => {
    const { app } = appWithCapture();
    const response = await request(app).get("/hello").set(REQUEST_ID_HEADER, "abc-123");
    expect(response.headers[REQUEST_ID_HEADER]).toBe("abc-123");
  });

  it("replaces an incoming id that could forge log content", async () => {
    const { app } = appWithCapture();
    const response = await request(app).get("/hello").set(REQUEST_ID_HEADER, "x\" level=error");
    expect(response.headers[REQUEST_ID_HEADER]).not.toContain("level");
  });

  it("does not log the authorization header", async () => {
    const { app, capture } = appWithCapture();
    await request(app).get("/hello").set("authorization", "Bearer very-secret");
    expect(JSON.stringify(capture.lines)).not.toContain("very-secret");
  });
});
