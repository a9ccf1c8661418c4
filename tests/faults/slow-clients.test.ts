import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { toGlobalId } from "../../src/graphql/ids.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { connect, Feed, waitFor, type LiveClient } from "../live/support.js";
import { startLoggedServer, type LoggedServer } from "../security/support.js";

// Issue 21, items 3 and 4: slow clients and connection floods. `npm test` runs small bounds that
// show each defence deterministically (a socket is closed, an upgrade refused: the test waits for
// the event, never for a time); `npm run test:faults` (FAULTS_FULL=1) adds the full-size cases
// from a child process: 20,000 slowloris sockets, and 500 WebSockets x 100 replaying subscriptions.

const FULL = process.env["FAULTS_FULL"] === "1";
const here = path.dirname(fileURLToPath(import.meta.url));

let db: TestDatabase;
let articleId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const article = await db.prisma.article.create({ data: { slug: "flood-target", body: "Published.", bodyHash: "f", status: "PUBLISHED" } });
  articleId = toGlobalId("Article", article.id);
});
afterAll(async () => {
  await db?.close();
});

async function withServer(env: NodeJS.ProcessEnv, check: (server: LoggedServer, port: number) => Promise<void>): Promise<void> {
  const server = await startLoggedServer(db, env);
  try {
    await check(server, Number(new URL(server.baseUrl).port));
  } finally {
    await server.close();
  }
}

/** Opens a raw TCP connection from `localAddress`; resolves once connected. */
function rawSocket(port: number, localAddress = "127.0.0.1"): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port, localAddress }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** What the server sent on a socket until it closed it (waits for the close, at most `timeoutMs`). */
function closedBy(socket: net.Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("error", () => undefined);
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

/** GET /healthz from `localAddress`: status and time taken (ms). */
function healthz(port: number, localAddress: string, timeoutMs = 5000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", localAddress, agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
    });
    request.on("timeout", () => request.destroy(new Error("healthz timed out")));
    request.on("error", reject);
  });
}

/** Upgrades to a WebSocket from `localAddress`: the HTTP status of a refusal, or 101. */
function upgrade(port: number, localAddress = "127.0.0.1"): Promise<{ status: number; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws", { localAddress });
    socket.once("open", () => resolve({ status: 101, socket }));
    socket.once("unexpected-response", (_request, response) => resolve({ status: response.statusCode ?? 0, socket }));
    socket.once("error", reject);
  });
}

describe("slow clients", () => {
  it("closes a request whose body trickles in, and one whose headers never end, within the read timeout", async () => {
    await withServer({ REQUEST_READ_TIMEOUT_MS: "1000" }, async (_server, port) => {
      const body = await rawSocket(port);
      body.write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
      const headers = await rawSocket(port);
      headers.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
      const [bodyAnswer, headersAnswer] = await Promise.all([closedBy(body, 5000), closedBy(headers, 5000)]);
      // node answers 408 before closing, when it can.
      expect(bodyAnswer).toMatch(/^HTTP\/1\.1 408|^$/);
      expect(headersAnswer).toMatch(/^HTTP\/1\.1 408|^$/);
    });
  });

  it("closes connections past the per-address bound at once and still answers other addresses", async () => {
    await withServer({ MAX_CONNECTIONS_PER_ADDRESS: "3" }, async (_server, port) => {
      const held = await Promise.all([1, 2, 3].map(() => rawSocket(port)));
      const extra = await rawSocket(port);
      expect(await closedBy(extra, 5000)).toBe("");
      expect((await healthz(port, "127.0.0.2")).status).toBe(200);
      for (const socket of held) socket.destroy();
    });
  });

  it("closes connections past the per-instance bound", async () => {
    await withServer({ MAX_CONNECTIONS: "4" }, async (_server, port) => {
      const held = await Promise.all(["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"].map((address) => rawSocket(port, address)));
      const extra = await rawSocket(port, "127.0.0.6");
      expect(await closedBy(extra, 5000)).toBe("");
      held[0]?.destroy();
      await closedBy(held[0] as net.Socket, 5000).catch(() => "");
      for (const socket of held.slice(1)) socket.destroy();
    });
  });
});

describe("WebSocket floods", () => {
  it("refuses upgrades past the per-address bound with 503, and accepts other addresses", async () => {
    await withServer({ MAX_WEBSOCKETS_PER_ADDRESS: "2" }, async (_server, port) => {
      const first = await upgrade(port);
      const second = await upgrade(port);
      const third = await upgrade(port);
      expect([first.status, second.status, third.status]).toEqual([101, 101, 503]);
      const elsewhere = await upgrade(port, "127.0.0.2");
      expect(elsewhere.status).toBe(101);
      for (const { socket } of [first, second, third, elsewhere]) socket.terminate();
    });
  });

  it("refuses upgrades past the per-instance bound", async () => {
    await withServer({ MAX_WEBSOCKETS: "2" }, async (_server, port) => {
      const opened = [await upgrade(port, "127.0.0.2"), await upgrade(port, "127.0.0.3")];
      expect((await upgrade(port, "127.0.0.4")).status).toBe(503);
      for (const { socket } of opened) socket.terminate();
    });
  });

  it("counts replays (lastEventId) against the address's rate limit", async () => {
    await withServer({ RATE_LIMIT_PER_IP: "2", RATE_LIMIT_WINDOW_SECONDS: "600" }, async (server) => {
      const live: LiveClient = connect(server.baseUrl);
      try {
        const query = `subscription($id: ID!, $after: String) { articleChanged(id: $id, lastEventId: $after) { sequence } }`;
        // One after the other (the in-memory store hands concurrent callers one shared count).
        for (const opened of [1, 2]) {
          new Feed(live, query, { id: articleId, after: "1" });
          await waitFor(() => server.app.live.subscriptions() === opened, 5000, `replay ${opened} to open`);
        }
        const third = await new Feed(live, query, { id: articleId, after: "1" }).take();
        const error = third.kind === "error" && Array.isArray(third.error) ? (third.error[0] as { extensions?: Record<string, unknown> }) : null;
        expect(error?.extensions?.["code"]).toBe("RATE_LIMITED");
        // A subscription without lastEventId is not a replay and is not counted.
        new Feed(live, query, { id: articleId });
        await waitFor(() => server.app.live.subscriptions() === 3, 5000, "the plain subscription to open");
      } finally {
        await live.dispose();
      }
    });
  });

  it("closes a socket that never sends connection_init (4408) within the acknowledgement bound", async () => {
    await withServer({}, async (_server, port) => {
      const { socket } = await upgrade(port);
      const code = await new Promise<number>((resolve) => socket.once("close", (closeCode: number) => resolve(closeCode)));
      expect(code).toBe(4408);
    });
  });
});

/** Starts the flood client in its own process and waits for its report. */
function flood(args: string[]): Promise<{ child: ChildProcess; report: { opened: number; refused: number } }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "flood-client.ts"), ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line) resolve({ child, report: JSON.parse(line) as { opened: number; refused: number } });
    });
    child.once("exit", (code) => reject(new Error(`flood client exited with ${code}`)));
  });
}

/** /healthz latency from an address outside the flood, `times` times in a row: the slowest. */
async function slowestHealthz(port: number, times: number): Promise<number> {
  let slowest = 0;
  for (let index = 0; index < times; index += 1) {
    const { status, ms } = await healthz(port, "127.0.0.250");
    expect(status).toBe(200);
    slowest = Math.max(slowest, ms);
  }
  return slowest;
}

describe.runIf(FULL)("full-size floods (FAULTS_FULL=1)", () => {
  it("stays up with 19,500 slowloris sockets from 100 addresses; /healthz answers in < 1 s", async () => {
    // The child's file-descriptor limit (20,000 here, `ulimit -n`) bounds what one client can open.
    await withServer({}, async (server, port) => {
      const { child, report } = await flood(["slow", String(port), "19500", "100"]);
      try {
        const slowest = await slowestHealthz(port, 20);
        console.log(JSON.stringify({ case: "slowloris", ...report, healthzSlowestMs: Math.round(slowest), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) }));
        expect(slowest).toBeLessThan(1000);
        expect(server.app.server.listening).toBe(true);
      } finally {
        child.kill("SIGTERM");
      }
    });
  }, 300_000);

  it("500 WebSockets x 100 replaying subscriptions: /healthz answers in < 1 s and RSS stays < 1 GiB", async () => {
    await withServer({}, async (_server, port) => {
      const { child, report } = await flood(["websocket", String(port), "500", "10", "100", articleId]);
      try {
        const slowest = await slowestHealthz(port, 20);
        const rss = process.memoryUsage().rss;
        console.log(JSON.stringify({ case: "websocket-flood", ...report, healthzSlowestMs: Math.round(slowest), rssMiB: Math.round(rss / 2 ** 20) }));
        expect(slowest).toBeLessThan(1000);
        expect(rss).toBeLessThan(2 ** 30);
      } finally {
        child.kill("SIGTERM");
      }
    });
  }, 300_000);
});
