import type { Server } from "node:http";
import type { Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import { OVERLOAD_RETRY_AFTER_SECONDS, overloaded } from "./errors.js";

// Overload: bounds that refuse new work at once (503 with Retry-After) rather than queue it,
// and bounds on the connections that could use up the process's file descriptors.

/** The histogram's resolution (ms); like @fastify/under-pressure, it is taken off the mean it reads. */
const RESOLUTION_MS = 10;
/** How often the mean delay is read and the histogram started again. */
const SAMPLE_INTERVAL_MS = 1000;

/**
 * The event loop's mean delay over the last second, and whether it is past the bound: the
 * overload signal of HTTP requests and WebSocket subscriptions alike. Written here instead of
 * @fastify/under-pressure because that plugin's sampler also reads the process's memory
 * (`process.memoryUsage()` opens /proc), which threw EMFILE and crashed the process once slow
 * clients held every file descriptor; this sampler opens nothing.
 */
export class EventLoopPressure {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout;
  private delayMs = 0;

  /** `maxDelayMs` 0 turns the check off (the sampler still runs, for the log lines). */
  constructor(private readonly maxDelayMs: number) {
    this.histogram.enable();
    this.timer = setInterval(() => {
      const mean = this.histogram.mean / 1e6;
      this.delayMs = Number.isFinite(mean) ? Math.max(0, mean - RESOLUTION_MS) : 0;
      this.histogram.reset();
    }, SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Mean delay (ms) of the last complete sample. */
  get delay(): number {
    return this.delayMs;
  }

  /** True while the last sample's mean delay is over the bound: new work is refused. */
  get underPressure(): boolean {
    return this.maxDelayMs > 0 && this.delayMs > this.maxDelayMs;
  }

  /** Stops sampling (the server is closing). */
  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}

/**
 * Overload, part one: when the event loop lags (CPU-bound work piling up), refuse new GraphQL
 * requests at once with 503 rather than queue them; health and readiness still answer. The same
 * signal refuses new WebSocket subscriptions (src/server/websocket.ts).
 */
export function refuseUnderPressure(app: FastifyInstance, maxDelayMs: number): EventLoopPressure {
  const pressure = new EventLoopPressure(maxDelayMs);
  app.addHook("onRequest", async (request, reply) => {
    if (!pressure.underPressure || !request.url.startsWith("/graphql")) return;
    request.log.warn({ pressure: "eventLoopDelay", value: pressure.delay, statusCode: 503 }, "graphql request refused: server under pressure");
    return reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).send(overloaded(request.id));
  });
  return pressure;
}

/**
 * Overload, part two: a bound on GraphQL requests in flight. One more is refused at once (503
 * with Retry-After), never queued: a queue would only hand the client a timeout later while
 * holding its memory now.
 */
export class InFlightBound {
  private count = 0;

  constructor(private readonly max: number) {}

  /** True while below the bound (nearly always: the cheapest test comes first). */
  get admits(): boolean {
    return this.count < this.max;
  }

  /** At the bound: answers 503 (headers and log line) and returns the body to send; else null. */
  refuse(request: FastifyRequest, reply: FastifyReply): string | null {
    if (this.admits) return null;
    void reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).header("content-type", "application/json; charset=utf-8");
    request.log.warn({ inFlight: this.count, statusCode: 503, sqlStatements: 0 }, "graphql request refused: too many requests in flight");
    return JSON.stringify(overloaded(request.id));
  }

  /** One more request in flight, until `releaseAfter` lets it go. */
  enter(): void {
    this.count += 1;
  }

  /** Releases a request's place once `work` ends, which is later than the answer after a timeout. */
  releaseAfter(work: Promise<unknown>): void {
    void work
      .finally(() => {
        this.count -= 1;
      })
      .catch(() => undefined);
  }
}

/**
 * Bounds the TCP connections of the HTTP server (WebSockets included, which start as HTTP): at
 * most `maxPerInstance` open at once (node closes the rest as they arrive) and `maxPerAddress`
 * from one client address; past either, the new connection is destroyed at once, so a flood of
 * idle sockets cannot use up the process's file descriptors.
 */
export function limitConnections(server: Server, bounds: Config["connections"], log: FastifyBaseLogger): void {
  server.maxConnections = bounds.maxPerInstance;
  const open = new Map<string, number>();
  let refused = 0;
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > bounds.maxPerAddress) {
      // One log line per 1000 refusals: a flood must not flood the log too.
      if (refused++ % 1000 === 0) log.warn({ address, open: count - 1, refused }, "connection refused: too many open connections from one address");
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
