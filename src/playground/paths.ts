import path from "node:path";

/**
 * Where the built playground lives: dist/playground/static (index.html and assets/), written by
 * scripts/build-playground.ts. Resolved from this module, which sits at src/playground (tsx,
 * vitest) or dist/playground (compiled): both are two levels below the project root.
 */
export const PLAYGROUND_STATIC_DIR = path.resolve(import.meta.dirname, "../../dist/playground/static");

/** The URL prefix of the playground's hashed script, stylesheet and source maps. */
export const PLAYGROUND_ASSETS_PREFIX = "/playground/assets/";
