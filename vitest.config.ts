import { defineConfig } from "vitest/config";

/**
 * Folders whose tests call pure code (the checks, the engine, the renderers, validation): they share one module
 * cache per worker (`isolate: false`), so ESLint, typescript-eslint and TypeScript load once per worker instead of
 * once per test file. That was most of their time (the checks folder: about 400 s isolated, under a minute shared).
 * Tests that start servers, databases, queues or child processes keep their own fresh module graph.
 */
const PURE = ["checks", "review", "rubric", "report", "validation", "diff", "contract", "schemas"].map(
  (folder) => `test/${folder}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "engine", include: PURE, isolate: false } },
      {
        extends: true,
        test: { name: "adapters", include: ["test/**/*.test.ts"], exclude: ["**/node_modules/**", ...PURE] },
      },
    ],
  },
});
