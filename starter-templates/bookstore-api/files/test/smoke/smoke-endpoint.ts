import type { SmokeEndpoint } from "./smoke-test.js";

/**
 * The smoke test's real endpoints (add your own). Listing books reads the catalogue tables,
 * so it fails when the migrations did not run.
 */
export const smokeEndpoints: SmokeEndpoint[] = [
  {
    name: "GET /books?limit=1 answers 200 with a page of books (the migrations ran)",
    async run(send) {
      const response = await send("/books?limit=1");
      if (response.status !== 200) return `status ${response.status}: ${await response.text()}`;
      const body = (await response.json()) as { data?: unknown };
      return Array.isArray(body.data) ? undefined : "the body has no data array";
    },
  },
];
