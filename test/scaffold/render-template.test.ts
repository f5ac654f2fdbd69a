import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFileTree } from "../../src/scaffold/format-file-tree.js";
import { outputPath } from "../../src/scaffold/output-path.js";
import { renderTemplate } from "../../src/scaffold/render-template.js";
import { unsafePathReason } from "../../src/scaffold/safe-relative-path.js";
import { VALID_TEMPLATES } from "./helpers/fixtures.js";

const variables = {
  projectName: "shop-api",
  templateId: "mini-api",
  templateVersion: "1.2.0",
  year: 2026,
  port: 4000,
  greeting: "hi",
  useCache: true,
  flavour: "pglite",
};

describe("outputPath", () => {
  it("replaces __var__ placeholders, drops .eta and restores dotfiles", () => {
    expect(outputPath("src/__projectName__.ts.eta", variables)).toBe("src/shop-api.ts");
    expect(outputPath("_gitignore", variables)).toBe(".gitignore");
    expect(outputPath("config/_npmrc", variables)).toBe("config/.npmrc");
    expect(outputPath("_dockerignore", variables)).toBe(".dockerignore");
    expect(outputPath("docs/_gitignore.md", variables)).toBe("docs/_gitignore.md");
    expect(outputPath("py/__init__.py", variables)).toBe("py/__init__.py");
  });

  it("refuses values that would leave the project folder through a file name", () => {
    expect(() => outputPath("__folder__/index.ts", { folder: ".." })).toThrow(
      'Template file "__folder__/index.ts" renders to "..", which has a ".." segment that would leave the project folder.',
    );
    expect(() => outputPath("__folder__/index.ts", { folder: "a/../../b" })).toThrow(
      "puts a path separator into a file name",
    );
    expect(() => outputPath("__folder__/x", { folder: "" })).toThrow("is empty");
  });
});

describe("unsafePathReason", () => {
  it("accepts relative paths inside the folder and refuses the rest", () => {
    expect(unsafePathReason("src/app.ts")).toBeUndefined();
    expect(unsafePathReason("/etc/passwd")).toBe("is an absolute path");
    expect(unsafePathReason("C:\\Windows")).toBe("is an absolute path");
    expect(unsafePathReason("a/../../b")).toMatch(/"\.\." segment/);
    expect(unsafePathReason("a//b")).toBe("has an empty path segment");
  });
});

describe("renderTemplate", () => {
  const files = renderTemplate([join(VALID_TEMPLATES, "mini-api", "files")], variables);
  const byPath = new Map(files.map((file) => [file.path, file]));

  it("renders .eta files with Eta (it.<name>), without HTML escaping", () => {
    expect(byPath.get("package.json")?.content.toString()).toContain('"name": "shop-api"');
    expect(byPath.get("package.json")?.content.toString()).toContain("Made from mini-api 1.2.0 in 2026");
    expect(byPath.get("src/shop-api.ts")?.content.toString()).toBe(
      'export const port = 4000;\nexport const greeting = "hi & welcome";\nexport const useCache = true;\nexport const flavour = "pglite";\n',
    );
  });

  it("copies other files byte for byte, GitHub Actions expressions and binaries included", () => {
    expect(byPath.get(".github/workflows/ci.yml")?.content.toString()).toContain("node-version: ${{ matrix.node }}");
    expect(byPath.get(".github/workflows/ci.yml")?.content.toString()).toContain('echo "<%= not rendered %>"');
    expect([...(byPath.get("logo.png")?.content ?? [])].slice(0, 8)).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(byPath.get("logo.png")?.content.includes(Buffer.from([0xff, 0xfe]))).toBe(true);
  });

  it("keeps file modes and renames _gitignore and _npmrc", () => {
    expect(byPath.get("scripts/check.sh")?.mode).toBe(0o755);
    expect([...byPath.keys()].sort()).toEqual([
      ".github/workflows/ci.yml",
      ".gitignore",
      ".npmrc",
      "logo.png",
      "package.json",
      "scripts/check.sh",
      "src/shop-api.ts",
    ]);
  });
});

describe("formatFileTree", () => {
  it("draws folders first, then files, each sorted", () => {
    expect(formatFileTree("shop-api", ["README.md", "src/app.ts", "src/db/pool.ts", ".gitignore"])).toBe(
      [
        "shop-api/",
        "├── src/",
        "│   ├── db/",
        "│   │   └── pool.ts",
        "│   └── app.ts",
        "├── .gitignore",
        "└── README.md",
      ].join("\n"),
    );
  });
});
