/**
 * `src/app/index.ts`, the entry `probot run` loads: it opens the review history once and gives the same
 * store to the reviews and to the dashboard (as `start-process.ts` does), so a review the App records
 * shows on the learner's dashboard page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { probotApp } from "../../src/app/index.js";
import type { HistoryStore } from "../../src/storage/history-store.js";
import { Browserless } from "../dashboard/dashboard-fixture.js";
import { DEFAULT_AUTHOR } from "../fake-github/fake-state.js";
import { freshDatabase } from "../storage/test-database.js";
import { deliverPullRequest } from "./support/deliver.js";
import { INSTALLATION_ID, OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => boolean | void | Promise<boolean | void>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the Probot entry (src/app/index.ts)", () => {
  it("opens one history store for the reviews and the dashboard", async () => {
    const { store, drop } = await freshDatabase("pglite");
    cleanups.push(drop);
    const harness: Harness = await startHarness({ loadApp: false, logLevel: "silent" });
    cleanups.push(() => harness.close());
    const { fake, probot } = harness;
    fake.oauth.client = { id: "Iv1.entrytest", secret: "entry-test-secret" };
    fake.oauth.addUser(DEFAULT_AUTHOR.login, DEFAULT_AUTHOR.id);
    let opened = 0;
    const open = async (): Promise<HistoryStore> => {
      opened += 1;
      return store;
    };
    const handlers: Handler[] = [];
    const env = {
      GITHUB_CLIENT_ID: fake.oauth.client.id,
      GITHUB_CLIENT_SECRET: fake.oauth.client.secret,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
    };
    await probot.load(probotApp(open, env), {
      cwd: process.cwd(),
      addHandler: (handler) => handlers.push(handler as Handler),
    });
    expect(handlers).toHaveLength(1);

    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened", 1);
    await vi.waitFor(
      async () =>
        expect(
          await store.recentReviews({ installationId: INSTALLATION_ID, authorId: DEFAULT_AUTHOR.id }),
        ).toHaveLength(1),
      { timeout: 60_000, interval: 200 },
    );

    const server = createServer((request, response) => {
      void Promise.resolve(handlers[0]!(request, response)).then((handled) => {
        if (handled !== true) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    const client = new Browserless(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const page = await client.signIn(
      fake,
      DEFAULT_AUTHOR.login,
      `/dashboard/installations/${INSTALLATION_ID}/learners/${DEFAULT_AUTHOR.login}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(`https://github.com/${OWNER}/${REPO}/pull/1`);
    expect(opened).toBe(1);
    expect(fake.violations).toEqual([]);
  }, 90_000);
});
