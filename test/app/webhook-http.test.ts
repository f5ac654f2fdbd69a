import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { deliveryId, OWNER, pullRequestPayload, REPO, startHarness, WEBHOOK_SECRET, type Harness } from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";

let harness: Harness | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await harness?.close();
  harness = undefined;
  server = undefined;
});

async function serve(h: Harness): Promise<string> {
  const middleware = await createNodeMiddleware(createApp(h.deps, { onReviewed: (_pr, outcome) => h.outcomes.push(outcome) }), { probot: h.probot });
  server = createServer((request, response) => {
    void middleware(request, response, () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
}

function post(url: string, body: string, signature: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": deliveryId(), "x-hub-signature-256": signature },
    body,
  });
}

describe("the App's webhook server", () => {
  it("a correctly signed pull_request delivery is reviewed", async () => {
    harness = await startHarness({ loadApp: false });
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const url = await serve(harness);
    const body = JSON.stringify(pullRequestPayload("opened", pull));
    const response = await post(url, body, `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`);
    expect(response.status).toBe(200);
    expect(harness.outcomes).toEqual(["published"]);
    expect(harness.fake.repo(OWNER, REPO).checkRuns[0]).toMatchObject({ status: "completed" });
    expect(harness.fake.violations).toEqual([]);
  });

  it("a bad signature gets 400 and nothing runs", async () => {
    harness = await startHarness({ loadApp: false });
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const url = await serve(harness);
    const body = JSON.stringify(pullRequestPayload("opened", pull));
    const response = await post(url, body, `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`);
    expect(response.status).toBe(400);
    expect(harness.outcomes).toEqual([]);
    expect(harness.fake.calls).toEqual([]);
  });
});
