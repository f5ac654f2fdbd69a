import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const lines = () => chunks.join("").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe("createLogger", () => {
  it("writes JSON lines at the given level", () => {
    const { stream, lines } = capture();
    const logger = createLogger("warn", stream);
    logger.info("hidden");
    logger.warn({ userId: "u1" }, "shown");
    expect(lines()).toEqual([expect.objectContaining({ msg: "shown", userId: "u1", level: 40 })]);
  });

  it("redacts passwords, hashes, tokens and the Authorization header", () => {
    const { stream, lines } = capture();
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
