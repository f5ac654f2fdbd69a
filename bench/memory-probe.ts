// One review of the benchmark's 20-file change in a fresh process, as `npm run review` does it: prints the
// process's peak resident memory in MB, and the same for a process that only loads the modules (the baseline).
import { benchFiles } from "./fixture-project.js";

const mode = process.argv[2] ?? "review";
const { review } = await import("../src/review/review.js");
const { loadRubric } = await import("../src/rubric/load-rubric.js");
const { defaultRepoConfig } = await import("../src/contract/repo-config.js");
const { checksById } = await import("../src/checks/registry.js");
if (mode === "review") {
  const files = benchFiles(Number(process.argv[3] ?? 20));
  const rubric = loadRubric("junior-backend", checksById);
  review(
    { files, repoPaths: files.map((file) => file.path), config: defaultRepoConfig, rubric },
    { registry: checksById },
  );
}
process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`);
