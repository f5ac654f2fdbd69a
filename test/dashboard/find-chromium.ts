import { existsSync } from "node:fs";

/** Debian's chromium, driven by playwright-core (browser downloads do not work here); undefined when it is not installed. */
export const CHROMIUM_PATH = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking"];

export const NO_CHROMIUM = "browser tests skipped: no chromium at /usr/bin/chromium (apt-get install -y chromium)";
