import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The App's Prometheus metrics (`GET /metrics`), one registry per process. `docs/github-app.md` says
 * what each means. Queue depth is read from the queue when scraped, so every process reports the
 * shared Redis queue's depth.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly reviewDuration = new Histogram({
    name: "apprentice_review_duration_seconds",
    help: "Time from a worker taking a review job to its check run completed, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: [0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320],
    registers: [this.registry],
  });
  readonly reviews = new Counter({
    name: "apprentice_reviews_total",
    help: "Reviews finished, by outcome (published, superseded, failed, invalid-config, draft-skipped).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly githubRequests = new Counter({
    name: "apprentice_github_requests_total",
    help: "Requests to GitHub's API, by HTTP status (or 'error' when no response came).",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: "apprentice_retries_total",
    help: "Retried work: GitHub requests sent again by Octokit's retry plugin (kind=request), review jobs tried again (kind=job).",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  readonly recovered = new Counter({
    name: "apprentice_check_runs_recovered_total",
    help: "Check runs left in progress (a worker died or gave up) that the recovery sweep completed as neutral.",
    registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: "apprentice_webhooks_total",
    help: "Webhook deliveries answered, by result (queued, duplicate-delivery, duplicate-content, ignored, rejected).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });

  constructor(depth?: () => Promise<number>) {
    new Gauge({
      name: "apprentice_queue_depth",
      help: "Review jobs waiting or running in the queue.",
      registers: [this.registry],
      async collect() {
        if (depth) this.set(await depth().catch(() => Number.NaN));
      },
    });
  }
}
