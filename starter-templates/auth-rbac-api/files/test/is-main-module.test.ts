import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isMainModule } from "../src/is-main-module.js";

const thisFile = fileURLToPath(import.meta.url);

describe("isMainModule", () => {
  it("is true when the module is the script Node started", () => {
    expect(isMainModule(import.meta.url, ["node", thisFile])).toBe(true);
  });

  it("is false for another script, a missing script or no script at all", () => {
    expect(isMainModule(import.meta.url, ["node", fileURLToPath(new URL("./config.test.ts", import.meta.url))])).toBe(false);
    expect(isMainModule(import.meta.url, ["node", "/no/such/file.ts"])).toBe(false);
    expect(isMainModule(import.meta.url, ["node"])).toBe(false);
  });
});
