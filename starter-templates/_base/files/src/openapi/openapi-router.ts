import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Router } from "express";
import { parse } from "yaml";

export const OPENAPI_FILE = fileURLToPath(new URL("../../openapi.yaml", import.meta.url));

/** Reads the OpenAPI description once, so every request is served from memory. */
export function loadOpenApiDocument(file: string = OPENAPI_FILE): unknown {
  return parse(readFileSync(file, "utf8"));
}

/** `GET /openapi.json`: the API description, for tools such as Swagger UI or Postman. */
export function openApiRouter(document: unknown = loadOpenApiDocument()): Router {
  const router = Router();
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  return router;
}
