import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AppMetrics } from "../../src/app/app-metrics.js";
import { createAppServer } from "../../src/app/app-server.js";
import {
  deliveryId,
  OWNER,
  pullRequestPayload,
  REPO,
  startHarness,
  WEBHOOK_SECRET,
  type Harness,
} from "./support/harness.js";
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
  server = createAppServer({
    probot: h.probot,
    queue: h.queue,
    metrics: new AppMetrics(),
    webhookSecret: WEBHOOK_SECRET,
    keyLoaded: true,
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
}

function post(url: string, body: string, signature: string) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": deliveryId(),
      "x-hub-signature-256": signature,
    },
    body,
  });
}

describe("the App's webhook server", () => {
  it("a correctly signed pull_request delivery is reviewed", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const url = await serve(harness);
    const body = JSON.stringify(pullRequestPayload("opened", pull));
    const response = await post(url, body, `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`);
    // Answered as soon as the review is queued; the review runs in the worker.
    expect(response.status).toBe(202);
    await harness.queue.idle();
    expect(harness.outcomes).toEqual(["published"]);
    expect(harness.fake.repo(OWNER, REPO).checkRuns[0]).toMatchObject({ status: "completed" });
    expect(harness.fake.violations).toEqual([]);
  });

  it("a bad signature gets 400 and nothing runs", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const url = await serve(harness);
    const body = JSON.stringify(pullRequestPayload("opened", pull));
    const response = await post(
      url,
      body,
      `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`,
    );
    expect(response.status).toBe(400);
    expect(harness.outcomes).toEqual([]);
    expect(harness.fake.calls).toEqual([]);
  });

  it("a body over 25 MB is refused with 413 from its Content-Length, before it is read, and never logged", async () => {
    harness = await startHarness();
    const url = await serve(harness);
    const big = "x".repeat(26 * 1024 * 1024);
    const response = await post(url, big, "sha256=00");
    expect(response.status).toBe(413);
    expect(harness.fake.calls).toEqual([]);
    expect(harness.logs.join("")).not.toContain("xxxxxxxxxx");
  });

  it("a body over the limit without Content-Length is cut off while streaming", async () => {
    harness = await startHarness();
    const url = await serve(harness);
    const { request } = await import("node:http");
    // The server answers 413 and closes the connection while the client is still writing: the client then
    // sees either the 413 or, when the close wins the race, EPIPE / ECONNRESET on its write. Both mean the
    // body was cut off; a server that read all 30 MB would answer something else.
    const outcome = await new Promise<number | "cut off">((resolve, reject) => {
      let stopped = false;
      const req = request(
        url,
        { method: "POST", headers: { "transfer-encoding": "chunked", "x-github-event": "pull_request" } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        stopped = true;
        if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve("cut off");
        else reject(error);
      });
      const chunk = Buffer.alloc(1024 * 1024, 120);
      let sent = 0;
      const pump = () => {
        while (!stopped && sent < 30 && req.write(chunk)) sent += 1;
        if (stopped) return;
        if (sent < 30) req.once("drain", pump);
        else req.end();
      };
      pump();
    });
    expect([413, "cut off"]).toContain(outcome);
  });

  it("health, readiness and Prometheus metrics answer", async () => {
    harness = await startHarness();
    const url = await serve(harness);
    const base = url.replace("/api/github/webhooks", "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, queue: "memory" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain("apprentice_queue_depth 0");
    expect(metrics).toContain("apprentice_review_duration_seconds");
  });
});
