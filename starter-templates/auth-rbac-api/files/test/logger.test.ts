import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { captureLog } from "./helpers/capture-log.js";

describe("createLogger", () => {
  it("writes JSON lines at the given level", () => {
    const { stream, lines } = captureLog();
    const logger = createLogger("warn", stream);
    logger.info("hidden");
    logger.warn({ userId: "u1" }, "shown");
    expect(lines()).toEqual([expect.objectContaining({ msg: "shown", userId: "u1", level: 40 })]);
  });

  it("redacts passwords, hashes, tokens and the Authorization header", () => {
    const { stream, lines } = captureLog();
    const logger = createLogger("info", stream);
    logger.info({
      password: "p1",
      body: { password: "p2", refreshToken: "r1" },
      user: { passwordHash: "h1" },
      req: { headers: { authorization: "Bearer t1", accept: "application/json" } },
    });
    const [line] = lines();
    expect(line).toMatchObject({
      password: "[redacted]",
      body: { password: "[redacted]", refreshToken: "[redacted]" },
      user: { passwordHash: "[redacted]" },
      req: { headers: { authorization: "[redacted]", accept: "application/json" } },
    });
  });
});
