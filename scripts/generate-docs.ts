// Regenerates docs/checks.md from the check registry: `npx tsx scripts/generate-docs.ts`.
import { writeFileSync } from "node:fs";
import { checksMarkdown } from "../src/checks/checks-markdown.js";

writeFileSync("docs/checks.md", checksMarkdown());
console.log("wrote docs/checks.md");
