import packageJson from "../../package.json" with { type: "json" };

/** How Apprentice names itself in machine-readable reports (JSON, SARIF). */
export const TOOL_NAME = "apprentice";
export const TOOL_INFORMATION_URI = "https://github.com/apprentice-app/apprentice";
/** The version in package.json, used when a front end passes no `toolVersion`. */
export const TOOL_VERSION: string = packageJson.version;
