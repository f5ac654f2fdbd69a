import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Initialises one PGlite data folder before the run; tests copy it instead of running initdb again.
    globalSetup: ["test/setup/pglite-template.ts"],
    pool: "forks",
    // One module graph per worker, kept from one test file to the next: the modules load once, and the
    // test database helper keeps one PGlite per worker (test/helpers/test-db.ts). Each file still gets
    // its own schema, app and server, so files stay independent.
    isolate: false,
    // Starting the embedded PostgreSQL takes a few seconds on a slow machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/server.ts"],
    },
  },
});
