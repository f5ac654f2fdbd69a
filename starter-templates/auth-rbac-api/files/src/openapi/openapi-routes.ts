import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Router } from "express";
import { parse } from "yaml";

export const OPENAPI_FILE = fileURLToPath(new URL("../../openapi.yaml", import.meta.url));

/** Reads openapi.yaml once; the description is served as JSON at /openapi.json. */
export async function loadOpenApiDocument(file: string = OPENAPI_FILE): Promise<unknown> {
  return parse(await readFile(file, "utf8"));
}

export function openApiRoutes(document: unknown): Router {
  const router = Router();
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  return router;
}
