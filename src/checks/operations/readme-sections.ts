import type { FunctionCheck } from "../../contract/check.js";
import { isWholeProjectReview, serviceEntry } from "./service-entry.js";

const ROUTE = /\.(get|post|put|patch|delete|route)\(\s*["'`]\/|@(Get|Post|Controller)\(/;
const README = /^readme(\.(md|markdown|txt|rst|adoc))?$/i;

/** What a README of a backend project says, and the headings that say it. */
const SECTIONS: readonly { name: string; heading: RegExp }[] = [
  {
    name: "how to set it up",
    heading: /set ?up|install|getting started|prerequisites|requirements|quick ?start|configuration|environment/i,
  },
  { name: "how to run it", heading: /\brun|usage|start|develop|local|docker|deploy/i },
  { name: "how to test it", heading: /test/i },
  { name: "the endpoints", heading: /endpoint|\bapi\b|routes|reference|resources/i },
  {
    name: "the architecture and its trade-offs",
    heading: /architecture|design|trade-?offs?|decisions|structure|how it works|overview|internals/i,
  },
];

function headings(content: string): string[] {
  const lines = content.split("\n");
  return lines.flatMap((line, index) => {
    const atx = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (atx?.[1]) return [atx[1]];
    const next = lines[index + 1] ?? "";
    return line.trim() && /^\s*(=+|-+)\s*$/.test(next) ? [line.trim()] : [];
  });
}

/**
 * README sections, on a whole-project review or a change that adds the README: how to set up, run and test
 * the project, its endpoints, and its architecture and trade-offs. Reports what is missing, praises a README
 * that has them all.
 */
export const readmeSectionsCheck: FunctionCheck = {
  kind: "function",
  id: "readme-sections",
  criterion: "operations",
  description: "The README says how to set up, run and test the project, its endpoints and its architecture.",
  defaultLevel: "actionable",
  languages: ["text", "js"],
  run(context) {
    const whole = isWholeProjectReview(context);
    // Apprentice grades backend services: a library's README (no routes, no server) is its own genre.
    const serves =
      context.files.some((file) => file.language === "js" && ROUTE.test(file.content)) ||
      serviceEntry(context) !== undefined;
    if (!serves) return [];
    const readme = context.files.find((file) => README.test(file.path) && file.status !== "removed");
    const link = "See https://www.makeareadme.com/";
    if (!readme) {
      if (!whole || context.repoPaths.some((path) => README.test(path))) return [];
      return [
        {
          messageId: "noReadme",
          path: "README.md",
          line: 1,
          scope: "file",
          message: `Add a README.md that says how to set up, run and test the project, what its endpoints are, and how it is built and why. It is the first thing a reviewer or a new teammate reads. ${link}`,
        },
      ];
    }
    if (!whole && readme.status !== "added") return [];
    const found = headings(readme.content);
    const missing = SECTIONS.filter((section) => !found.some((heading) => section.heading.test(heading)));
    if (missing.length === 0) {
      return [
        {
          messageId: "completeReadme",
          path: readme.path,
          line: 1,
          scope: "file",
          level: "celebratory",
          message:
            "Well done: the README says how to set up, run and test the project, lists the endpoints and explains the architecture and its trade-offs. That is what lets someone else pick the project up without asking you.",
        },
      ];
    }
    return [
      {
        messageId: "missingSections",
        path: readme.path,
        line: 1,
        scope: "file",
        message:
          `Add ${missing.length === 1 ? "a section" : "sections"} to the README on ${missing.map((section) => section.name).join(", ")}, each under its own heading. ` +
          `A reader (a reviewer, a new teammate, you in six months) should get the project running and understand its shape from the README alone. ${link}`,
      },
    ];
  },
};
