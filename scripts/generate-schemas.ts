// Regenerates the JSON Schemas for editors from the zod schemas: `npx tsx scripts/generate-schemas.ts`.
import { writeFileSync } from "node:fs";
import { jsonSchemas } from "../src/validation/json-schemas.js";

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
