import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/index.js";
import { CLI_PATH, runCli } from "../support/cli.js";

// Issue 21, observation 1: the embedded database (PGlite behind pglite-socket) has no password,
// so it must be reachable by this user only. It listens on a Unix socket in DATA_DIR/socket
// (0700, the socket 0600), never on TCP; the database files (DATA_DIR/pglite) are 0700 and
// server.json, which holds the URL, is 0600. Before the change the socket server listened on
// 127.0.0.1 and any local user could connect as the superuser.

const LINUX_PROC = fs.existsSync("/proc/self/fd") && fs.existsSync("/proc/net/tcp");
const IS_ROOT = process.getuid?.() === 0;

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

/** The TCP ports this process listens on (Linux): its socket descriptors matched against /proc/net/tcp{,6}. */
function ownTcpListeners(): number[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync("/proc/self/fd")) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // a descriptor closed while listing
    }
  }
  const ports: number[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT" in hex; state 0A is LISTEN; the inode is the 10th field.
      if (fields[3] === "0A" && inodes.has(fields[9] ?? "")) ports.push(Number.parseInt(fields[1]!.split(":")[1]!, 16));
    }
  }
  return ports;
}

/** Tries to open the database's endpoint from a process running as `nobody`; prints "connected" or the error code. */
function connectAsNobody(url: string): Promise<string> {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get("host");
  const target = socketDir ? JSON.stringify({ path: path.join(socketDir, ".s.PGSQL.5432") }) : JSON.stringify({ host: parsed.hostname, port: Number(parsed.port) });
  const script = `const s = require("node:net").connect(${target}); s.on("connect", () => { console.log("connected"); s.destroy(); }); s.on("error", (e) => console.log(e.code));`;
  return new Promise((resolve) => {
    execFile("runuser", ["-u", "nobody", "--", process.execPath, "-e", script], { cwd: "/", timeout: 30_000 }, (error, stdout, stderr) =>
      resolve(stdout.trim() || `failed to run: ${error?.message ?? ""} ${stderr}`),
    );
  });
}

describe("the embedded database is reachable by its own user only", () => {
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-access-"));
    // As a ./data directory usually is: anyone may list it. What is inside must still be closed.
    fs.chmodSync(dataDir, 0o755);
    database = await openDatabase({ kind: "embedded", dataDir });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves a Unix socket in DATA_DIR/socket, with server.json, the socket and its directory and the database files private", () => {
    const record = JSON.parse(fs.readFileSync(path.join(dataDir, "server.json"), "utf8")) as { pid: number; url: string };
    expect(record.url).toBe(database.url);
    const url = new URL(record.url);
    expect(url.searchParams.get("host")).toBe(path.join(dataDir, "socket"));
    const socket = path.join(dataDir, "socket", ".s.PGSQL.5432");
    expect(fs.statSync(socket).isSocket()).toBe(true);
    expect(modeOf(socket)).toBe(0o600);
    expect(modeOf(path.join(dataDir, "socket"))).toBe(0o700);
    expect(modeOf(path.join(dataDir, "pglite"))).toBe(0o700);
    expect(modeOf(path.join(dataDir, "server.json"))).toBe(0o600);
  });

  it.skipIf(!LINUX_PROC)("listens on no TCP port", () => {
    expect(ownTcpListeners()).toEqual([]);
  });

  it.skipIf(!IS_ROOT)("refuses another local user", async () => {
    expect(await connectAsNobody(database.url)).toBe("EACCES");
  });

  it("answers through the URL in server.json, which the CLI borrows", async () => {
    await expect(database.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    if (!fs.existsSync(CLI_PATH)) return;
    const created = await runCli(dataDir, ["token", "create", "--name", "Access Check", "--role", "viewer"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(await database.prisma.user.count({ where: { name: "Access Check" } })).toBe(1);
  });

  it("removes the socket and server.json on close, and opens again on the same directory", async () => {
    await database.close();
    expect(fs.existsSync(path.join(dataDir, "socket", ".s.PGSQL.5432"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "server.json"))).toBe(false);
    database = await openDatabase({ kind: "embedded", dataDir });
    expect(await database.prisma.user.count({ where: { name: "Access Check" } })).toBe(fs.existsSync(CLI_PATH) ? 1 : 0);
  });

  it("falls back to a private temporary directory when DATA_DIR is too long for a socket path", async () => {
    const deep = path.join(dataDir, "a".repeat(60), "b".repeat(60));
    const other = await openDatabase({ kind: "embedded", dataDir: deep });
    try {
      const socketDir = new URL(other.url).searchParams.get("host")!;
      expect(socketDir.startsWith(os.tmpdir())).toBe(true);
      expect(modeOf(socketDir)).toBe(0o700);
      expect(modeOf(path.join(socketDir, ".s.PGSQL.5432"))).toBe(0o600);
      await expect(other.prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
      await other.close();
      expect(fs.existsSync(socketDir)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
