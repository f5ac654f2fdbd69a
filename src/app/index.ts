import type { ApplicationFunction } from "probot";
import { createApp } from "./create-app.js";
import { createDefaultDeps } from "./default-deps.js";

/** Apprentice as a Probot app, with the real engine and renderers. */
const apprenticeApp: ApplicationFunction = (app, options) => createApp(createDefaultDeps())(app, options);

export default apprenticeApp;
export { createApp } from "./create-app.js";
