import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The project root, from test/deploy/. */
const root = new URL("../../", import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), "utf8");

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, with `\` continuations joined and comments dropped. */
function dockerInstructions(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, " ");
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

/** The instructions of the last stage (the image that runs). */
function finalStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((instruction) => instruction.keyword).lastIndexOf("FROM");
  return instructions.slice(lastFrom);
}

describe("Dockerfile", () => {
  const instructions = dockerInstructions(read("Dockerfile"));
  const runtime = finalStage(instructions);

  it("is a multi-stage build whose final stage runs as a non-root user", () => {
    expect(instructions.filter((instruction) => instruction.keyword === "FROM").length).toBeGreaterThanOrEqual(2);
    const users = runtime.filter((instruction) => instruction.keyword === "USER").map((instruction) => instruction.args);
    expect(users.length).toBe(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
  });

  it("ships only production dependencies, installed in a stage of their own", () => {
    const runs = instructions.filter((instruction) => instruction.keyword === "RUN").map((instruction) => instruction.args);
    expect(runs.some((run) => run.includes("--omit=dev"))).toBe(true);
    expect(runtime.some((instruction) => instruction.keyword === "RUN" && instruction.args.includes("npm"))).toBe(false);
  });

  it("has a HEALTHCHECK on the liveness route", () => {
    const healthcheck = runtime.find((instruction) => instruction.keyword === "HEALTHCHECK");
    expect(healthcheck?.args).toMatch(/\/health\/live/);
  });

  it("runs the same command as `npm start`, in exec form so node receives SIGTERM", () => {
    const cmd = runtime.find((instruction) => instruction.keyword === "CMD");
    const command = JSON.parse(cmd?.args ?? "null") as unknown;
    expect(Array.isArray(command)).toBe(true);
    const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect((command as string[]).join(" ")).toBe(packageJson.scripts.start);
    expect(packageJson.scripts.start).toMatch(/^node dist\//);
  });

  it("starts the file the build writes for src/server.ts, and copies what the server reads at run time", () => {
    const build = JSON.parse(read("tsconfig.build.json")) as { compilerOptions: { rootDir: string; outDir: string } };
    const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    const { rootDir, outDir } = build.compilerOptions;
    expect(packageJson.scripts.start).toBe(`node ${outDir}/server.js`);
    expect(packageJson.scripts.build).toBe("tsc -p tsconfig.build.json");
    expect(rootDir).toBe("src");
    const copied = runtime.filter((instruction) => instruction.keyword === "COPY").map((instruction) => instruction.args);
    for (const needed of [outDir, "migrations", "openapi.yaml", "package.json"]) {
      expect(copied.some((args) => args.split(/\s+/).includes(needed) || args.includes(`/app/${needed} `))).toBe(true);
    }
  });
});

describe("compose.yaml", () => {
  interface Service {
    image?: string;
    build?: unknown;
    healthcheck?: { test?: unknown };
    depends_on?: Record<string, { condition?: string }>;
  }
  const compose = parse(read("compose.yaml")) as { services: Record<string, Service> };
  const services = Object.entries(compose.services);

  it("has the API built from the Dockerfile and a PostgreSQL database, each with a health check", () => {
    const api = services.find(([, service]) => service.build !== undefined);
    const db = services.find(([, service]) => service.image?.startsWith("postgres"));
    expect(api).toBeDefined();
    expect(db).toBeDefined();
    expect(api?.[1].healthcheck?.test).toBeDefined();
    expect(db?.[1].healthcheck?.test).toBeDefined();
  });

  it("starts the API only once the database is healthy", () => {
    const [, api] = services.find(([, service]) => service.build !== undefined) ?? [];
    const [dbName] = services.find(([, service]) => service.image?.startsWith("postgres")) ?? [];
    expect(api?.depends_on?.[dbName ?? ""]?.condition).toBe("service_healthy");
  });

  it("checks the API's health on the readiness route", () => {
    const [, api] = services.find(([, service]) => service.build !== undefined) ?? [];
    expect(JSON.stringify(api?.healthcheck?.test)).toMatch(/\/health\/ready/);
  });

  it("commits no database password: it comes from the environment", () => {
    expect(read("compose.yaml")).not.toMatch(/^\s*POSTGRES_PASSWORD:\s*(?!\$\{)\S/m);
  });
});
