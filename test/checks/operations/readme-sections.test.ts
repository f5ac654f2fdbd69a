import { describe, expect, it } from "vitest";
import { readmeSectionsCheck } from "../../../src/checks/operations/readme-sections.js";
import { serviceContext } from "./make-service-context.js";

const complete = `# Tasks API\n\n## Setup\n\nnpm install\n\n## Running\n\nnpm start\n\n## Tests\n\nnpm test\n\n## Endpoints\n\nGET /tasks\n\nArchitecture and trade-offs\n---------------------------\n\nOne process.\n`;

describe("readme-sections", () => {
  it("names the sections a README is missing on a whole-project review", () => {
    const findings = readmeSectionsCheck.run(
      serviceContext(
        { "README.md": "# Tasks\n\n## Install\n\nnpm i\n", "src/app.ts": `app.get("/tasks", list);` },
        { whole: true },
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      "how to run it, how to test it, the endpoints, the architecture and its trade-offs",
    );
  });

  it("praises a README that has every section", () => {
    const [finding] = readmeSectionsCheck.run(
      serviceContext({ "README.md": complete, "src/app.ts": `app.get("/tasks", list);` }),
    );
    expect(finding).toMatchObject({ messageId: "completeReadme", level: "celebratory" });
  });

  it("asks for a README when a whole project has none", () => {
    expect(
      readmeSectionsCheck.run(
        serviceContext({ "src/app.ts": `import express from "express";\nconst app = express();` }, { whole: true }),
      )[0]?.messageId,
    ).toBe("noReadme");
  });

  it("stays quiet on an ordinary change to the README or the code", () => {
    expect(
      readmeSectionsCheck.run(serviceContext({ "README.md": "# Tasks\n" }, { status: { "README.md": "modified" } })),
    ).toEqual([]);
    expect(readmeSectionsCheck.run(serviceContext({ "src/app.ts": "" }, { otherPaths: ["README.md"] }))).toEqual([]);
  });
});

describe("readme-sections on a library", () => {
  it("leaves the README of a project without HTTP routes or a server alone", () => {
    expect(
      readmeSectionsCheck.run(
        serviceContext(
          { "README.md": "# lib\n\n## Install\n", "lib/index.js": "module.exports = {}" },
          { whole: true },
        ),
      ),
    ).toEqual([]);
  });
});
