import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Probot } from "probot";
import type { JobQueue } from "../queue/job-queue.js";
import type { AppMetrics } from "./app-metrics.js";
import { MAX_WEBHOOK_BYTES, readBoundedBody } from "./read-bounded-body.js";
import { verifySignature } from "./verify-signature.js";

export interface AppServerOptions {
  probot: Probot;
  queue: JobQueue;
  metrics: AppMetrics;
  /** The webhook secret; without one the server answers health and metrics only (a worker process). */
  webhookSecret?: string;
  webhookPath?: string;
  maxBodyBytes?: number;
  /** True once the GitHub App's private key is loaded. */
  keyLoaded: boolean;
  /** Further pages (the dashboard): answers and returns true for the paths it serves, false for the rest. */
  pages?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

function reply(response: ServerResponse, status: number, body: unknown, close = false): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    ...(close ? { connection: "close" } : {}),
  });
  response.end(text);
}

/**
 * The App's HTTP server: `POST /api/github/webhooks` (bounded body, signature, then the handlers, which
 * only enqueue; answered 202), `GET /healthz`, `GET /readyz`, `GET /metrics`.
 */
export function createAppServer(options: AppServerOptions): Server {
  const { probot, queue, metrics } = options;
  const path = options.webhookPath ?? "/api/github/webhooks";
  const webhook = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBoundedBody(request, options.maxBodyBytes ?? MAX_WEBHOOK_BYTES);
    if (body === "too-large") {
      metrics.webhooks.inc({ result: "rejected" });
      reply(response, 413, { message: "webhook body larger than GitHub's 25 MB limit" }, true);
      request.destroy();
      return;
    }
    const id = request.headers["x-github-delivery"];
    const name = request.headers["x-github-event"];
    const signature = request.headers["x-hub-signature-256"];
    if (
      typeof id !== "string" ||
      typeof name !== "string" ||
      !verifySignature(options.webhookSecret ?? "", body, typeof signature === "string" ? signature : undefined)
    ) {
      metrics.webhooks.inc({ result: "rejected" });
      reply(response, 400, { message: "missing webhook headers or a signature that does not match" });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      reply(response, 400, { message: "webhook body is not JSON" });
      return;
    }
    try {
      await probot.webhooks.receive({ id, name, payload } as never);
      reply(response, 202, { message: "accepted" });
    } catch (error) {
      probot.log.error(
        { delivery: id, event: name, message: error instanceof Error ? error.message.split("\n")[0] : "error" },
        "apprentice: webhook not queued",
      );
      reply(response, 500, { message: "could not queue the review; GitHub may redeliver" });
    }
  };
  return createServer((request, response) => {
    const url = (request.url ?? "/").split("?")[0];
    if (request.method === "POST" && url === path && options.webhookSecret)
      return void webhook(request, response).catch(() => response.destroy());
    if (request.method === "GET" && url === "/healthz") return reply(response, 200, "ok");
    if (request.method === "GET" && url === "/readyz") {
      return void queue.ping().then((redis) => {
        const ready = redis && options.keyLoaded;
        reply(response, ready ? 200 : 503, {
          ready,
          queue: queue.kind,
          queueReachable: redis,
          githubKeyLoaded: options.keyLoaded,
        });
      });
    }
    if (request.method === "GET" && url === "/metrics") {
      return void metrics.registry.metrics().then((text) => {
        response.writeHead(200, { "content-type": metrics.registry.contentType });
        response.end(text);
      });
    }
    if (options.pages?.(request, response)) return;
    reply(response, 404, { message: "not found" });
  });
}
