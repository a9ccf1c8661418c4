// Writes schema.graphql at the repository root from the SDL in src/ (npm run schema:print).
// tests/unit/schema.test.ts fails when the committed file and the code disagree.
import fs from "node:fs";
import path from "node:path";
import { printedSchema } from "../src/graphql/print.js";

const target = path.resolve(import.meta.dirname, "..", "schema.graphql");
fs.writeFileSync(target, printedSchema());
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
