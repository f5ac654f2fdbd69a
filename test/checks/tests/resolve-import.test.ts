import { describe, expect, it } from "vitest";
import { resolveImport } from "../../../src/checks/shared/resolve-import.js";

const paths = new Set([
  "src/app.ts",
  "src/tasks/index.ts",
  "src/db.js",
  "src/view.tsx",
  "lib/util.mts",
  "src/config.json",
]);

describe("resolveImport", () => {
  it("maps .js to .ts as TypeScript ESM does", () => {
    expect(resolveImport("test/app.test.ts", "../src/app.js", paths)).toBe("src/app.ts");
    expect(resolveImport("test/view.test.ts", "../src/view.js", paths)).toBe("src/view.tsx");
    expect(resolveImport("lib/a.ts", "./util.mjs", paths)).toBe("lib/util.mts");
  });

  it("resolves without an extension and to index files", () => {
    expect(resolveImport("src/server.ts", "./app", paths)).toBe("src/app.ts");
    expect(resolveImport("src/server.ts", "./tasks", paths)).toBe("src/tasks/index.ts");
    expect(resolveImport("src/server.ts", "./tasks/index.js", paths)).toBe("src/tasks/index.ts");
    expect(resolveImport("src/server.ts", "./db.js", paths)).toBe("src/db.js");
    expect(resolveImport("src/server.ts", "./config.json", paths)).toBe("src/config.json");
  });

  it("resolves common source-root aliases", () => {
    expect(resolveImport("test/a.test.ts", "@/app", paths)).toBe("src/app.ts");
    expect(resolveImport("test/a.test.ts", "~/tasks", paths)).toBe("src/tasks/index.ts");
  });

  it("returns undefined for packages, missing files and paths outside the repository", () => {
    expect(resolveImport("src/server.ts", "express", paths)).toBeUndefined();
    expect(resolveImport("src/server.ts", "./missing.js", paths)).toBeUndefined();
    expect(resolveImport("app.ts", "../../etc/passwd", paths)).toBeUndefined();
  });
});
