import type { FunctionCheck } from "../../contract/check.js";
import { knownContents } from "../shared/known-contents.js";
import { serviceEntry } from "./service-entry.js";

const HEALTH_ROUTE =
  /["'`]\/(api\/)?(v\d+\/)?(health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping|status)\b/i;
const HEALTH_LIBRARY =
  /["'](@godaddy\/terminus|lightship|@nestjs\/terminus|fastify-healthcheck|@fastify\/under-pressure|express-healthcheck|koa-healthcheck)["']/;

/** A service (its server is created in a file under review, on a whole-project review or a first change) with no health endpoint. */
export const healthEndpointCheck: FunctionCheck = {
  kind: "function",
  id: "health-endpoint",
  criterion: "operations",
  description: "A service with no health endpoint (`GET /health`) for load balancers and orchestrators to probe.",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    const entry = serviceEntry(context);
    if (!entry) return [];
    const contents = [...knownContents(context).values()];
    if (contents.some((content) => HEALTH_ROUTE.test(content) || HEALTH_LIBRARY.test(content))) return [];
    if (context.repoPaths.some((path) => /(^|\/)health[^/]*\.[cm]?[jt]s$/i.test(path))) return [];
    return [
      {
        messageId: "noHealth",
        message:
          'Add a health endpoint, for example `app.get("/health", (req, res) => res.json({ status: "ok" }))`, and let it check the database ' +
          "connection if the service cannot work without it. Load balancers, Docker and Kubernetes probe it to know when to send traffic and " +
          "when to restart the service; without it they can only guess. See https://microservices.io/patterns/observability/health-check-api.html",
        path: entry.file.path,
        line: entry.line,
      },
    ];
  },
};
