import type { Check } from "../../contract/check.js";
import { patternChecks } from "./patterns/index.js";
import { vueVHtml } from "./patterns/vue-v-html.js";
import { weakAllowList } from "./patterns/weak-allow-list.js";
import { dangerousSink } from "./taint/dangerous-sink-check.js";
import { taintChecks } from "./taint/index.js";

/**
 * Checks of the "security" criterion. Three read categories the taint checks own without tracing a flow:
 * dangerous-sink (the audit level: dangerous calls given text nobody traced), vue-v-html (the same for Vue's
 * v-html) and weak-allow-list (redirect and request allow-lists a look-alike passes, open-redirect or ssrf).
 */
export const securityChecks: readonly Check[] = [
  ...taintChecks,
  dangerousSink,
  vueVHtml,
  ...patternChecks,
  weakAllowList,
];
