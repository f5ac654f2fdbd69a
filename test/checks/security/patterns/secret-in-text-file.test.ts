import { describe, expect, it } from "vitest";
import type { Language } from "../../../../src/contract/check.js";
import { secretInTextFile } from "../../../../src/checks/security/patterns/secret-in-text-file.js";

function run(path: string, content: string, language: Language = "text") {
  return secretInTextFile.run({
    files: [{ path, content, language, status: "added", addedLines: new Set() }],
    repoPaths: [path],
    relatedFiles: [],
    options: {},
  });
}

describe("secret-in-text-file", () => {
  it("reports a committed .env file once, at line 1, as a whole-file finding", () => {
    const findings = run(".env", "PORT=3000\nJWT_SECRET=abc123def456\n", "env");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      line: 1,
      scope: "file",
      category: "hardcoded-secret",
      messageId: "committedEnv",
    });
  });

  it("reports known token formats on their line and shows only the first 4 characters", () => {
    const findings = run("config/prod.yml", "aws:\n  key: AKIAZ7XQ4MNPLW2RT5VB\n");
    expect(findings.map((f) => f.line)).toEqual([2]);
    expect(findings[0]?.message).toContain('"AKIA…"');
    expect(findings[0]?.message).not.toContain("AKIAZ7XQ");
  });

  it("reports secret-named keys with real values in config files", () => {
    expect(run("docker-compose.yml", "environment:\n  POSTGRES_PASSWORD: s3cretPass\n").map((f) => f.line)).toEqual([
      2,
    ]);
    expect(run("config/default.json", '{\n  "apiKey": "9f8e7d6c5b4a"\n}').map((f) => f.line)).toEqual([2]);
    expect(run("Dockerfile", "FROM node:20\nENV SESSION_SECRET=f00ba5d1ce\n").map((f) => f.line)).toEqual([2]);
  });

  it("does not report templates, placeholders, variable references, docs or lock files", () => {
    expect(run(".env.example", "JWT_SECRET=your-secret-here\nDB_PASSWORD=changeme\n", "env")).toEqual([]);
    expect(run("docker-compose.yml", "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n")).toEqual([]);
    expect(run("README.md", "Set `password: hunter2` in your local config")).toEqual([]);
    expect(run("package-lock.json", '"integrity": "sha512-AKIAZ7XQ4MNPLW2RT5VB"')).toEqual([]);
    expect(run("config/test.yml", "password: <db password>\n")).toEqual([]);
  });

  it("does not read example files, translations or upper-case placeholders in connection strings as secrets", () => {
    expect(run("env-example-relational", "AUTH_JWT_SECRET=secret_for_jwt\nDATABASE_PASSWORD=secret\n")).toEqual([]);
    expect(run("config/settings.sample.yml", "api_key: abc123def456\n")).toEqual([]);
    expect(run("src/i18n/fr/auth.json", '{\n  "resetPassword": "Réinitialiser le mot de passe"\n}')).toEqual([]);
    expect(run("docs/setup.md", 'url = "postgresql://USER:PASSWORD@HOST:5432/DATABASE"\n')).toEqual([]);
    expect(run(".github/workflows/ci.yml", "env:\n  COOKIE_SECRET: $(openssl rand -hex 32)\n")).toEqual([]);
    expect(run("views/map.pug", "script.\n  const map = init({ apikey: '#{apikey}' });\n", "template")).toEqual([]);
    expect(run("package.json", '{\n  "dependencies": { "pbkdf2-password": "^1.2.1" }\n}\n')).toEqual([]);
    // The same values where a real one belongs are still reported.
    expect(run("config/settings.yml", "api_key: abc123def456\n").map((f) => f.line)).toEqual([1]);
    expect(
      run("docs/setup.md", 'url = "postgresql://admin:Tr1ckyPass@db.internal:5432/app"\n').map((f) => f.line),
    ).toEqual([1]);
  });

  it("reads schema and type declarations as declarations, not values", () => {
    const migration =
      'CREATE TABLE "users" (\n  "id" SERIAL PRIMARY KEY,\n  "password" TEXT NOT NULL,\n  password_hash VARCHAR(255)\n);\n';
    expect(run("prisma/migrations/20240101_init/migration.sql", migration)).toEqual([]);
    expect(
      run(
        "prisma/schema.prisma",
        "model User {\n  id       Int    @id\n  password String\n  apiKey   String? @unique\n}\n",
      ),
    ).toEqual([]);
    expect(run("src/schema.graphql", "input LoginInput {\n  email: String!\n  password: String!\n}\n")).toEqual([]);
    expect(run("openapi.yml", "properties:\n  password: string\n  secret: string  # the user's\n")).toEqual([]);
  });

  it("still reports real values and known formats in schema files", () => {
    expect(
      run("db/seed.sql", "-- admin\nINSERT INTO keys VALUES ('AKIAZ7XQ4MNPLW2RT5VB');\n").map((f) => f.line),
    ).toEqual([2]);
    expect(run("config/app.yml", "password: stringent-horse-42\n").map((f) => f.line)).toEqual([1]);
  });

  it("leaves a CI job's service-container passwords alone, and the steps that pass the same value on", () => {
    const workflow = [
      "jobs:",
      "  test:",
      "    services:",
      "      postgres:",
      "        image: postgres:16",
      "        env:",
      "          POSTGRES_PASSWORD: ci_only_pw",
      "          POSTGRES_DB: app_test",
      "    steps:",
      "      - run: npm test",
      "        env:",
      "          DB_PASSWORD: ci_only_pw",
      "",
    ].join("\n");
    expect(run(".github/workflows/test.yml", workflow)).toEqual([]);
  });

  it("still reports other secrets in a CI file, and service passwords outside CI files", () => {
    const workflow = [
      "jobs:",
      "  deploy:",
      "    services:",
      "      redis:",
      "        image: redis:7",
      "    steps:",
      "      - run: ./deploy.sh",
      "        env:",
      "          DEPLOY_API_KEY: s3cr3tValue9",
      "",
    ].join("\n");
    expect(run(".github/workflows/deploy.yml", workflow).map((f) => f.line)).toEqual([9]);
    const compose = "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ci_only_pw\n";
    expect(run("docker-compose.yml", compose).map((f) => f.line)).toEqual([4]);
  });
});
