import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { createLogCapture } from "./helpers/log-capture.js";

describe("createLogger", () => {
  it("writes JSON lines at the given level", () => {
    const capture = createLogCapture();
    const logger = createLogger("warn", capture);
    logger.info("hidden");
    logger.warn({ userId: "u1" }, "shown");
    expect(capture.lines).toEqual([expect.objectContaining({ msg: "shown", userId: "u1", level: 40 })]);
  });

  it("redacts passwords, hashes, tokens and the Authorization header", () => {
    const capture = createLogCapture();
    const logger = createLogger("info", capture);
    logger.info({
      password: "p1",
      body: { password: "p2", refreshToken: "r1" },
      user: { passwordHash: "h1" },
      req: { headers: { authorization: "Bearer t1", accept: "application/json" } },
    });
    const [line] = capture.lines;
    expect(line).toMatchObject({
      password: "[redacted]",
      body: { password: "[redacted]", refreshToken: "[redacted]" },
      user: { passwordHash: "[redacted]" },
      req: { headers: { authorization: "[redacted]", accept: "application/json" } },
    });
  });
});
