export { TOOL_VERSION } from "../version.js";

/** How Apprentice names itself in machine-readable reports (JSON, SARIF). */
export const TOOL_NAME = "apprentice";
export const TOOL_INFORMATION_URI = "https://github.com/apprentice-app/apprentice";
