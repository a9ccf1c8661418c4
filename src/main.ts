import { ConfigError, loadConfig, type Config } from "./config.js";
import { DataDirInUseError, openDatabase } from "./db/index.js";
import { ensureDevelopmentToken } from "./domain/auth/development-token.js";
import { seedExampleStory } from "./seed/example-story.js";
import { buildServer } from "./server/index.js";
import { batchedStdout } from "./server/log-destination.js";

const SHUTDOWN_GRACE_MS = 10_000;

function banner(config: Config, address: string, editorToken: string | null): string {
  const url = `${address}/graphql`;
  const where =
    config.database.kind === "embedded"
      ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}`
      : "PostgreSQL server from DATABASE_URL";
  return [
    "",
    `copydesk is serving GraphQL at ${url}`,
    `  database: ${where}`,
    `  health:   ${address}/healthz   readiness: ${address}/readyz`,
    ...(config.playground === "off" ? [] : [`  playground: ${address}/${config.playground === "graphiql" ? "graphql" : "playground"} in a browser`]),
    `  live:     ${url.replace(/^http/, "ws")} (graphql-ws subscriptions, same token in connectionParams.authorization)`,
    "",
    "Try it:",
    `  curl -s ${url} -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ article(slug: \\"basra-consulate-2018\\") { displayTitle quotes { edges { node { text speaker { name } } } } } }"}'`,
    ...(editorToken
      ? [
          "",
          "Development editor token (kept in DATA_DIR/development-token; refused in production):",
          `  -H 'authorization: Bearer ${editorToken}'`,
        ]
      : []),
    "",
    "Stop with Ctrl+C.",
    "",
  ].join("\n");
}

/** Starts copydesk: settings, database (migrated), example story and editor token (outside production), HTTP server, signal handling. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const development = config.nodeEnv !== "production";
  if (development) await seedExampleStory(database.prisma);
  const editorToken = development ? await ensureDevelopmentToken(database.prisma, config.dataDir) : null;
  const app = await buildServer({ config, database, logStream: batchedStdout() });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: draining requests");
    const forced = setTimeout(() => {
      app.log.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "error during shutdown");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  try {
    const address = await app.listen({ port: config.port, host: config.host });
    process.stdout.write(banner(config, address, editorToken));
  } catch (error) {
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  // Errors that already tell the user what to do: their message alone, no stack trace under it.
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`copydesk could not start: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`copydesk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
