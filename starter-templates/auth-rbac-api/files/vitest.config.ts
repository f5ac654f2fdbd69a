import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starting an embedded PostgreSQL and running migrations takes a moment.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
