/**
 * SQL statements per request, read from copydesk's own request log: src/server/graphql-route.ts writes one
 * JSON line per GraphQL request with `sqlStatements` (counted by the Prisma query event, see
 * src/db/statements.ts). The log goes to a file, and the harness reads the lines of each series
 * after it ends, so counting costs the load generator nothing while it runs. copydesk writes its
 * log lines in batches (src/server/log-destination.ts), so a mark and a read first wait until the
 * file has stopped growing for longer than a batch may wait.
 */
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { LOG_FLUSH_INTERVAL_MS } from "../../src/server/log-destination.js";

/** What the log says about the requests of one stretch of time. */
export interface RequestLogSummary {
  readonly requests: number;
  /** Total SQL statements of those requests. */
  readonly statements: number;
  /** Largest number of statements one request sent. */
  readonly maxStatements: number;
  /** Requests per HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** The server's own durations (ms, from the route's start to its answer), unsorted. */
  readonly serverMs: readonly number[];
}

interface RequestLine {
  readonly msg?: unknown;
  readonly sqlStatements?: unknown;
  readonly statusCode?: unknown;
  readonly durationMs?: unknown;
}

/** Reads a server's log file from a mark onwards. */
export class RequestLog {
  private offset = 0;

  constructor(private readonly file: string) {}

  /** The file's size once it has stopped growing: every line the server has logged so far is in it. */
  private async settledSize(): Promise<number> {
    let size = fs.statSync(this.file).size;
    for (;;) {
      await sleep(2 * LOG_FLUSH_INTERVAL_MS);
      const next = fs.statSync(this.file).size;
      if (next === size) return size;
      size = next;
    }
  }

  /** Starts a new stretch at the end of what the server has logged so far. */
  async mark(): Promise<void> {
    this.offset = await this.settledSize();
  }

  /** The request lines logged since the mark (and moves the mark to their end). */
  async read(): Promise<RequestLogSummary> {
    const size = await this.settledSize();
    const buffer = Buffer.alloc(size - this.offset);
    const fd = fs.openSync(this.file, "r");
    try {
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      fs.closeSync(fd);
    }
    this.offset = size;
    let requests = 0;
    let statements = 0;
    let maxStatements = 0;
    const statuses: Record<string, number> = {};
    const serverMs: number[] = [];
    for (const text of buffer.toString("utf8").split("\n")) {
      // Every request line is JSON with "sqlStatements"; the banner and other lines are skipped.
      if (!text.includes('"sqlStatements"')) continue;
      let line: RequestLine;
      try {
        line = JSON.parse(text) as RequestLine;
      } catch {
        continue;
      }
      if (typeof line.sqlStatements !== "number") continue;
      requests += 1;
      statements += line.sqlStatements;
      maxStatements = Math.max(maxStatements, line.sqlStatements);
      const status = String(line.statusCode ?? "?");
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (typeof line.durationMs === "number") serverMs.push(line.durationMs);
    }
    return { requests, statements, maxStatements, statuses, serverMs };
  }
}
