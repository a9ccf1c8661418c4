import path from "node:path";

// What scripts/build-playground.ts writes and src/playground/route.ts serves, in one place.

/**
 * Where the built playground lives: dist/playground/static (index.html and assets/). Resolved from
 * this module, which sits at src/playground (tsx, vitest) or dist/playground (compiled): both are
 * two levels below the project root.
 */
export const PLAYGROUND_STATIC_DIR = path.resolve(import.meta.dirname, "../../dist/playground/static");

/** The URL prefix of the playground's hashed script, stylesheet and source maps. */
export const PLAYGROUND_ASSETS_PREFIX = "/playground/assets/";

/**
 * Stands for the Content-Security-Policy nonce in the built index.html: the server puts a fresh
 * nonce there and in the page's CSP on every response. The page hands it to the library that
 * injects GraphiQL's dialog styles (get-nonce), so style-src needs no 'unsafe-inline'.
 */
export const CSP_NONCE_PLACEHOLDER = "__COPYDESK_CSP_NONCE__";
