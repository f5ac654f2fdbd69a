import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { SERVICE_NAME } from "../src/project-defaults.js";
import { createLogCapture } from "./helpers/log-capture.js";

describe("createLogger", () => {
  it("writes JSON lines named after the service", () => {
    const capture = createLogCapture();
    createLogger("info", capture).info({ taskId: "t1" }, "Task created");
    expect(capture.lines).toEqual([
      expect.objectContaining({ name: SERVICE_NAME, msg: "Task created", taskId: "t1", level: 30 }),
    ]);
  });

  it("skips lines below the configured level", () => {
    const capture = createLogCapture();
    createLogger("warn", capture).info("Not interesting");
    expect(capture.lines).toEqual([]);
  });

  it("never writes passwords, tokens or authorization headers", () => {
    const capture = createLogCapture();
    createLogger("info", capture).info(
      { user: { password: "hunter2", token: "abc" }, req: { headers: { authorization: "Bearer abc" } } },
      "Login",
    );
    const line = JSON.stringify(capture.lines[0]);
    expect(line).not.toContain("hunter2");
    expect(line).not.toContain("Bearer abc");
    expect(line).toContain("[redacted]");
  });
});
