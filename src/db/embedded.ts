import fs from "node:fs";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** A PostgreSQL endpoint that speaks the wire protocol, plus how to let go of it. */
export interface EmbeddedPostgres {
  /**
   * Connection URL for `pg`, Prisma and psql: a Unix socket, never TCP
   * (postgresql://postgres@localhost/postgres?host=<socket directory>&sslmode=disable).
   */
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
const SOCKET_SUBDIR = "socket";
/** The file name node-postgres, libpq and Prisma derive from `host=<directory>` and the default port. */
const SOCKET_FILE = ".s.PGSQL.5432";
/** Longest Unix socket path every platform takes (sun_path is 104 bytes on macOS, 108 on Linux, NUL included). */
const MAX_SOCKET_PATH_BYTES = 103;
/** Only the owner may enter the socket and database directories, or read and write the socket and server.json. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
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
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url: "" }), { flag: "wx", mode: PRIVATE_FILE_MODE });
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

/** A directory only this user may enter, made (or narrowed) to mode 0700. */
function privateDirectory(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/**
 * Where the socket lives: `DATA_DIR/socket` (0700), or, for an in-memory database or a data
 * directory whose path is too long for a socket address, a fresh 0700 directory under the
 * system's temporary directory, removed on stop.
 */
function socketDirectory(dataDir: string | undefined): { readonly dir: string; readonly temporary: boolean } {
  if (dataDir) {
    const dir = path.resolve(dataDir, SOCKET_SUBDIR);
    if (Buffer.byteLength(path.join(dir, SOCKET_FILE)) <= MAX_SOCKET_PATH_BYTES) return { dir: privateDirectory(dir), temporary: false };
  }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-db-")), temporary: true };
}

/** The URL of the socket server in `dir`, in the form node-postgres, libpq (psql) and Prisma read alike. */
function socketUrl(dir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&sslmode=disable`;
}

/**
 * Starts PostgreSQL-in-WebAssembly (PGlite) behind a socket server on a Unix socket, so the app,
 * the tests and the Prisma CLI all use the ordinary Postgres protocol. The socket server has no
 * authentication, so nothing listens on TCP: the socket (0600) sits in a directory only this
 * user may enter (0700), as do the database files, and server.json is 0600 (docs/security.md).
 * With a data directory, a second process finds the first one's URL instead of opening the
 * files twice.
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
  let socket: { readonly dir: string; readonly temporary: boolean } | undefined;
  const release = () => {
    if (socket?.temporary) fs.rmSync(socket.dir, { recursive: true, force: true });
    else if (socket) fs.rmSync(path.join(socket.dir, SOCKET_FILE), { force: true });
    if (recordFile) fs.rmSync(recordFile, { force: true });
  };
  try {
    const db = await PGlite.create({
      startParams: PGLITE_START_PARAMS,
      ...(dataDir ? { dataDir: privateDirectory(path.join(dataDir, PGLITE_SUBDIR)) } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    socket = socketDirectory(dataDir);
    const socketPath = path.join(socket.dir, SOCKET_FILE);
    // Left by a process that was killed: ours to remove, since this process holds the claim.
    fs.rmSync(socketPath, { force: true });
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_CONNECTIONS });
    await server.start();
    fs.chmodSync(socketPath, PRIVATE_FILE_MODE);
    if (options.keepProcessAlive === false) {
      // PGLiteSocketServer keeps its net.Server private; unref it so it does not hold the process.
      (server as unknown as { server: net.Server | null }).server?.unref();
      unrefPGliteTimers();
    }
    const url = socketUrl(socket.dir);
    if (recordFile) fs.writeFileSync(recordFile, JSON.stringify({ pid: process.pid, url } satisfies ServerRecord), { mode: PRIVATE_FILE_MODE });
    let stopped = false;
    return {
      url,
      borrowed: false,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        release();
      },
      dump: () => db.dumpDataDir("none"),
    };
  } catch (error) {
    release();
    throw error;
  }
}
