import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Which schema engine the Prisma CLI should run. */
export type SchemaEngineChoice = { readonly kind: "native" } | { readonly kind: "wasm"; readonly binary: string };

/**
 * Uses Prisma's native schema engine where it is installed (a machine that could download it)
 * and our WebAssembly stand-in everywhere else. COPYDESK_SCHEMA_ENGINE=wasm|native forces one.
 */
export function chooseSchemaEngine(projectRoot: string, env: NodeJS.ProcessEnv = process.env): SchemaEngineChoice {
  const wasm = { kind: "wasm", binary: path.join(projectRoot, "scripts", "schema-engine.mjs") } as const;
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return { kind: "native" };
  if (env.COPYDESK_SCHEMA_ENGINE === "wasm") return wasm;
  if (env.COPYDESK_SCHEMA_ENGINE === "native") return { kind: "native" };
  return nativeEngineInstalled(projectRoot) ? { kind: "native" } : wasm;
}

function nativeEngineInstalled(projectRoot: string): boolean {
  try {
    const require = createRequire(path.join(projectRoot, "package.json"));
    const enginesDir = path.dirname(require.resolve("@prisma/engines/package.json"));
    return fs.readdirSync(enginesDir).some((file) => file.startsWith("schema-engine-"));
  } catch {
    return false;
  }
}
