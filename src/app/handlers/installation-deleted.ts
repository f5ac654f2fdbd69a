import type { Context } from "probot";
import type { AppRuntime } from "../start-review.js";

/** `installation.deleted`: the App was uninstalled, so everything stored for that installation is deleted. */
export function installationDeletedHandler(runtime: AppRuntime) {
  return async (context: Context<"installation.deleted">): Promise<void> => {
    const history = runtime.deps.history;
    if (!history) return;
    const deleted = await history.deleteInstallation(context.payload.installation.id);
    context.log.info(
      { installation: context.payload.installation.id, reviews: deleted },
      "apprentice: installation removed, its review history deleted",
    );
  };
}
