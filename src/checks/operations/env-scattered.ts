import type { FunctionCheck } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { knownContents } from "../shared/known-contents.js";

const CONFIG_PATH = /(^|\/)(config|configuration|env|environment|settings|secrets)(\/|[^/]*\.[cm]?[jt]s$)/i;
const READS_ENV = /\bprocess\.env\b/;
const MIN_FILES = 3;

/** Configuration read from `process.env` in many modules instead of one validated config module (informative). */
export const envScatteredCheck: FunctionCheck = {
  kind: "function",
  id: "env-scattered",
  criterion: "operations",
  description: "`process.env` read all over the code instead of in one validated config module.",
  defaultLevel: "informative",
  languages: ["js"],
  run(context) {
    const readers = [...knownContents(context)].filter(
      ([path, content]) => isApplicationCode(path) && !CONFIG_PATH.test(path) && READS_ENV.test(content),
    );
    if (readers.length < MIN_FILES) return [];
    const changed = context.files.find(
      (file) => file.status !== "removed" && readers.some(([path]) => path === file.path),
    );
    if (!changed) return [];
    const line = changed.content.split("\n").findIndex((text) => READS_ENV.test(text)) + 1;
    const others = readers
      .map(([path]) => `\`${path}\``)
      .slice(0, 4)
      .join(", ");
    return [
      {
        messageId: "scattered",
        message:
          `Read \`process.env\` in one module, say \`src/config.ts\`, that checks every variable once at start-up (with zod: ` +
          "`const config = ConfigSchema.parse(process.env)`) and exports typed values; import `config` elsewhere. " +
          `${readers.length} modules read it today (${others}), so a missing or misspelt variable shows up as \`undefined\` deep in a request ` +
          "instead of a clear error at start. See https://12factor.net/config",
        path: changed.path,
        line,
        scope: "file",
      },
    ];
  },
};
