import { z } from "zod";
import { repoConfigSchema } from "../contract/repo-config.js";
import { rubricSchema } from "../contract/rubric-schema.js";

/** The JSON Schemas editors use for rubric files and `.github/apprentice.yml`, generated from the zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    "rubrics/rubric.schema.json": { ...z.toJSONSchema(rubricSchema, { io: "input" }), title: "Apprentice rubric" },
    "schema/apprentice-config.schema.json": {
      ...z.toJSONSchema(repoConfigSchema, { io: "input" }),
      title: "Apprentice repository config (.github/apprentice.yml)",
    },
  };
}
