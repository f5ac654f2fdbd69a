import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** True when the module at `moduleUrl` is the script Node was started with (not imported by another). */
export function isMainModule(moduleUrl: string, argv: readonly string[] = process.argv): boolean {
  const script = argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl);
}
