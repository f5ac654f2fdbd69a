import { describe, expect, it } from "vitest";
import { isMainModule } from "../src/is-main-module.js";

describe("isMainModule", () => {
  it("is true for the script Node was started with", () => {
    expect(isMainModule("file:///app/src/db/run-migrations.ts", ["node", "/app/src/db/run-migrations.ts"])).toBe(true);
  });

  it("is false for a module imported by another script, or without a script", () => {
    expect(isMainModule("file:///app/src/db/run-migrations.ts", ["node", "/app/src/server.ts"])).toBe(false);
    expect(isMainModule("file:///app/src/db/run-migrations.ts", ["node"])).toBe(false);
  });
});
