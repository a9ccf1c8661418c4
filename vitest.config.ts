import { defineConfig } from "vitest/config";

/**
 * Each test file gets a fresh database (tests/support/database.ts): an in-memory PGlite loaded
 * from a migrated template, or with DATABASE_URL a new database on that server cloned from a
 * migrated template. The template is made once per run in tests/support/global-setup.ts.
 */
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for @graphql-tools and Apollo; make Vite use the same
    // one so that there is a single graphql module (its instanceof checks demand it).
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  // The gazetteer's JSON (7 MB of towns) as JSON.parse of a string, as Node loads it, instead of
  // a module with one export per key, which took Vite tens of seconds to transform.
  json: { stringify: true },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    // A worker imports the app once and runs its test files one after another, instead of
    // importing it again for every file (about 2 s a file, 197 s of a 525 s run). Files share
    // no state through it: each opens its own database and servers (tests/support).
    isolate: false,
    // Bounds against a hung test, not speed requirements: on a busy shared 2-core machine a test
    // that starts the CLI or the server as a child process (each opening its own embedded
    // database) took over 30 s, and failed only for that.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ["default"],
  },
});
