import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { hardenApp } from "../../src/http/harden-app.js";

function appWith(trustProxy: Parameters<typeof hardenApp>[1]["trustProxy"]) {
  const app = express();
  hardenApp(app, { trustProxy });
  app.get("/ip", (req, res) => {
    res.json({ ip: req.ip });
  });
  return app;
}

describe("hardenApp", () => {
  it("sends helmet's security headers and no X-Powered-By", async () => {
    const response = await request(appWith(false)).get("/ip");
    expect(response.headers["x-powered-by"]).toBeUndefined();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=/);
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'self'/);
  });

  it("ignores X-Forwarded-For unless a proxy is trusted", async () => {
    const direct = await request(appWith(false)).get("/ip").set("X-Forwarded-For", "203.0.113.1");
    expect(direct.body.ip).not.toBe("203.0.113.1");
    const proxied = await request(appWith(["loopback"])).get("/ip").set("X-Forwarded-For", "203.0.113.1");
    expect(proxied.body.ip).toBe("203.0.113.1");
  });
});
