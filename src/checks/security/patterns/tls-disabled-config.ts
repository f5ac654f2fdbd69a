/**
 * tls-disabled outside JS/TS: `NODE_TLS_REJECT_UNAUTHORIZED=0` in `.env` files, shell scripts,
 * Dockerfiles, docker-compose files and package.json scripts; `strict-ssl=false` in `.npmrc`;
 * `"rejectUnauthorized": false` / `"strictSSL": false` in JSON or YAML config.
 */
import type { FunctionCheck, SourceFile } from "../../../contract/check.js";
import type { RawFinding } from "../../../contract/types.js";
import { scanLines } from "../../shared/scan-lines.js";

interface LinePattern {
  pattern: RegExp;
  message: string;
}

const PATTERNS: readonly LinePattern[] = [
  {
    pattern: /NODE_TLS_REJECT_UNAUTHORIZED["']?\s*(?:[:=]|\s)\s*["']?0\b/,
    message:
      "Remove `NODE_TLS_REJECT_UNAUTHORIZED=0`. It turns off certificate checks for every HTTPS request the process makes, so anyone on the network can pretend to be your database or API. If a server uses a private CA, pass that CA with `NODE_EXTRA_CA_CERTS` instead.",
  },
  {
    pattern: /^\s*strict-ssl\s*=\s*false\b/i,
    message:
      "Remove `strict-ssl=false` and point npm at your registry's CA with `cafile=` instead. Without it, a tampered package can be installed without any warning.",
  },
  {
    pattern: /["']?(?:rejectUnauthorized|strictSSL|sslValidate|verify_ssl|verifySsl)["']?\s*[:=]\s*["']?false\b/,
    message:
      "Set this certificate check back to `true` and trust the server's CA explicitly if it is self-signed. With verification off, the connection is encrypted to whoever answers, including an attacker.",
  },
  {
    pattern:
      /["']?(?:tlsInsecure|tlsAllowInvalidCertificates|tlsAllowInvalidHostnames)["']?\s*[:=]\s*["']?true\b|[?&](?:tlsInsecure|tlsAllowInvalidCertificates|tlsAllowInvalidHostnames)=true\b/,
    message:
      "Remove this option and give the driver the server's CA instead (`tlsCAFile`). Accepting invalid certificates lets anyone in the middle read and change the traffic.",
  },
];

function scanFile(file: SourceFile): RawFinding[] {
  return scanLines(file, (text) => {
    if (/^\s*(#|\/\/)/.test(text)) return undefined;
    const hit = PATTERNS.find(({ pattern }) => pattern.test(text));
    return hit ? { category: "tls-disabled", message: hit.message } : undefined;
  });
}

export const tlsDisabledConfig: FunctionCheck = {
  kind: "function",
  id: "tls-disabled-config",
  criterion: "security",
  description: "Certificate verification turned off in .env files, scripts and config files.",
  defaultLevel: "essential",
  category: "tls-disabled",
  languages: ["env", "text"],
  run(context) {
    return context.files.filter((file) => !/\.(md|markdown|mdx|txt|rst)$/i.test(file.path)).flatMap(scanFile);
  },
};
