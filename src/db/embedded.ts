import fs from "node:fs";
import type net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** A PostgreSQL endpoint that speaks the wire protocol, plus how to let go of it. */
export interface EmbeddedPostgres {
  /** Connection URL for `pg` and Prisma (postgresql://postgres@127.0.0.1:PORT/postgres). */
  readonly url: string;
  /** True when another live process already serves this data directory and we connect to it. */
  readonly borrowed: boolean;
  /** Stops the socket server and closes PGlite (a no-op for a borrowed endpoint). */
  stop(): Promise<void>;
  /** A tarball of the whole database, loadable with `loadDataDir` (not for borrowed endpoints). */
  dump(): Promise<Blob>;
}

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Directory that holds the database; omit for an in-memory database. */
  readonly dataDir?: string;
  /** A tarball made by PGlite's dumpDataDir, loaded into a fresh in-memory database. */
  readonly loadDataDir?: Blob;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * False lets the process exit while the server still listens (for short-lived tools such as
   * the Prisma CLI, which stop it on `beforeExit`). Default true.
   */
  readonly keepProcessAlive?: boolean;
}

interface ServerRecord {
  readonly pid: number;
  readonly url: string;
}

const SERVER_RECORD = "server.json";
const PGLITE_SUBDIR = "pglite";
/** The socket server multiplexes connections over one PGlite session, keeping transactions whole. */
const MAX_CONNECTIONS = 32;
/**
 * PostgreSQL's default shared_buffers (128MB) made PGlite grow its WebAssembly memory from 128 to
 * 189 MiB at start and kept about 70 MiB more resident, for a cache the operating system's page
 * cache duplicates anyway (PGlite reads the data directory through ordinary files). 32MB keeps
 * the memory at its initial size; `bench/startup.ts` measures the effect (README, "Memory").
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/**
 * Connections a client pool may open to the embedded server: one. pglite-socket multiplexes
 * its connections over a single PGlite session message by message, keeping only transactions
 * whole, so two pooled connections can interleave the Parse/Bind/Execute of their unnamed
 * statements around another connection's transaction, and a query then runs with another's
 * statement ("bind message supplies 4 parameters, but prepared statement requires 3") or
 * returns its rows. PGlite runs one statement at a time anyway, so one connection costs no
 * throughput; requests queue in the pool instead.
 */
export const EMBEDDED_POOL_SIZE = 1;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readServerRecord(file: string): ServerRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<ServerRecord>;
    if (typeof record.pid === "number" && typeof record.url === "string") return { pid: record.pid, url: record.url };
  } catch {
    // missing or half-written: treated as absent
  }
  return undefined;
}

let pgliteTimersUnrefed = false;

/**
 * PGlite's Postgres arms 10-second interval timers (setitimer through Emscripten) that would
 * keep a short-lived tool alive for 10 s after its work is done. Timers created from PGlite's
 * code are unref'd; everything else in the process keeps its timers as they are.
 */
function unrefPGliteTimers(): void {
  if (pgliteTimersUnrefed) return;
  pgliteTimersUnrefed = true;
  const originalSetTimeout = globalThis.setTimeout;
  const patched = (...args: Parameters<typeof setTimeout>): ReturnType<typeof setTimeout> => {
    const timer = originalSetTimeout(...args);
    if (new Error().stack?.includes("@electric-sql/pglite")) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, originalSetTimeout);
}

/**
 * Claims the data directory for this process. PGlite must never open one directory twice, so
 * the first process writes server.json (created exclusively) and later ones connect to its URL.
 */
function claimDataDir(dataDir: string): { owner: true } | { owner: false; url: string } {
  const file = path.join(dataDir, SERVER_RECORD);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url: "" }), { flag: "wx" });
      return { owner: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const record = readServerRecord(file);
    if (record && record.pid !== process.pid && isAlive(record.pid) && record.url) return { owner: false, url: record.url };
    if (record && record.pid !== process.pid && isAlive(record.pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is being opened by process ${record.pid}. Wait for it to start, or stop it.`,
      );
    }
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not claim the embedded database directory ${dataDir}; remove ${file} if no copydesk is running.`);
}

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) behind a socket server on 127.0.0.1, so the app,
 * the tests and the Prisma CLI all use the ordinary Postgres protocol. With a data directory,
 * a second process finds the first one's URL instead of opening the files twice.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const claim = claimDataDir(dataDir);
    if (!claim.owner) {
      return {
        url: claim.url,
        borrowed: true,
        stop: async () => {},
        dump: () => Promise.reject(new Error("Cannot dump a database served by another process")),
      };
    }
  }
  const recordFile = dataDir ? path.join(dataDir, SERVER_RECORD) : undefined;
  try {
    const db = await PGlite.create({
      startParams: PGLITE_START_PARAMS,
      ...(dataDir ? { dataDir: path.join(dataDir, PGLITE_SUBDIR) } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: MAX_CONNECTIONS });
    await server.start();
    if (options.keepProcessAlive === false) {
      // PGLiteSocketServer keeps its net.Server private; unref it so it does not hold the process.
      (server as unknown as { server: net.Server | null }).server?.unref();
      unrefPGliteTimers();
    }
    const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    if (recordFile) fs.writeFileSync(recordFile, JSON.stringify({ pid: process.pid, url } satisfies ServerRecord));
    let stopped = false;
    return {
      url,
      borrowed: false,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        if (recordFile) fs.rmSync(recordFile, { force: true });
      },
      dump: () => db.dumpDataDir("none"),
    };
  } catch (error) {
    if (recordFile) fs.rmSync(recordFile, { force: true });
    throw error;
  }
}
