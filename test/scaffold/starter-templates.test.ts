import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exercisesMarkdown, headingAnchor } from "../../src/scaffold/exercises-file.js";
import { parse } from "yaml";
import { loadTemplate } from "../../src/scaffold/load-template.js";
import { scaffold } from "../../src/scaffold/scaffold.js";
import { BUILTIN_TEMPLATES_DIR, templateIds } from "../../src/scaffold/template-registry.js";

const ids = templateIds();

/** Files every generated project must have (see the starter-template format in docs/scaffold.md). */
const REQUIRED_FILES = [
  "package.json",
  "README.md",
  "EXERCISES.md",
  "openapi.yaml",
  ".gitignore",
  ".env.example",
  ".github/workflows/ci.yml",
  ".github/apprentice.yml",
  ".apprentice/template.json",
  "src/server.ts",
  "src/config.ts",
  "src/db/migrate.ts",
  "Dockerfile",
  ".dockerignore",
  "compose.yaml",
  "eslint.config.js",
  "tsconfig.build.json",
  "test/smoke/smoke-test.ts",
  "test/smoke/smoke-endpoint.ts",
];

describe("starter-templates/", () => {
  it("holds at least the three templates the issue asks for", () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(ids)("%s", (id) => {
    it("has a valid manifest whose id is its folder name", () => {
      const template = loadTemplate(join(BUILTIN_TEMPLATES_DIR, id));
      expect(template.manifest.id).toBe(id);
    });

    it("writes every exercise into EXERCISES.md: a working table of contents, a checklist, the folded hint and the checks", () => {
      const { manifest } = loadTemplate(join(BUILTIN_TEMPLATES_DIR, id));
      const text = exercisesMarkdown(manifest, `try-${id}`, new Map());
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1] ?? "");
      const links = [...text.matchAll(/^\| \d+ \| \[[^\]]+\]\(#([^)]+)\)/gm)].map((match) => match[1]);
      expect(links).toEqual(headings.map(headingAnchor));
      expect(headings).toEqual(manifest.exercises.map((exercise, index) => `${index + 1}. ${exercise.title}`));
      for (const exercise of manifest.exercises) {
        for (const item of exercise.acceptance) expect(text).toContain(`- [ ] ${item.trim().split("\n")[0]}`);
      }
      expect(text.match(/<details><summary>Stuck\? A hint<\/summary>/g)).toHaveLength(manifest.exercises.length);
      expect(text.match(/^Apprentice will check: /gm)).toHaveLength(manifest.exercises.length);
    });

    it("renders with default answers into a complete project (dry run)", async () => {
      const parent = mkdtempSync(join(tmpdir(), "apprentice-template-"));
      try {
        const result = await scaffold({
          template: loadTemplate(join(BUILTIN_TEMPLATES_DIR, id)),
          projectName: `try-${id}`,
          out: join(parent, id),
          dryRun: true,
        });
        expect(REQUIRED_FILES.filter((path) => !result.files.includes(path))).toEqual([]);
        expect(result.files.some((path) => /^migrations\/001_[a-z0-9_]+\.sql$/.test(path))).toBe(true);
        expect(result.files.filter((path) => path.endsWith(".eta") || path.includes("__"))).toEqual([]);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    });

    it("deploys with the command it is tested with: the image's CMD is `npm start`, compose waits for a healthy database", async () => {
      const parent = mkdtempSync(join(tmpdir(), "apprentice-template-"));
      try {
        const out = join(parent, id);
        await scaffold({
          template: loadTemplate(join(BUILTIN_TEMPLATES_DIR, id)),
          projectName: `try-${id}`,
          out,
          git: false,
          install: false,
        });
        const read = (path: string) => readFileSync(join(out, path), "utf8");
        const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
        const cmd = read("Dockerfile").match(/^CMD (\[.*\])$/m)?.[1];
        expect((JSON.parse(cmd ?? "[]") as string[]).join(" ")).toBe(scripts.start);
        expect(scripts.start).toBe("node dist/server.js");
        expect(scripts.build).toBe("tsc -p tsconfig.build.json");
        type Service = {
          build?: unknown;
          image?: string;
          depends_on?: Record<string, { condition?: string }>;
          healthcheck?: unknown;
        };
        const services = (parse(read("compose.yaml")) as { services: Record<string, Service> }).services;
        expect(services.api?.depends_on?.db?.condition).toBe("service_healthy");
        expect(services.api?.healthcheck).toBeDefined();
        expect(services.db?.image).toMatch(/^postgres:/);
        expect(services.db?.healthcheck).toBeDefined();
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    });
  });
});
