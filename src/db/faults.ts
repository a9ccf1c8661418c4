/**
 * Tells database faults apart from bugs. Prisma 7 with the pg driver adapter reports the same
 * fault in several shapes: a model query gives `PrismaClientKnownRequestError` with a P1xxx or
 * P2034 code, a raw query gives P2010 with the driver adapter error (its `kind`, and the
 * PostgreSQL SQLSTATE as `code`/`originalCode`) in `meta.driverAdapterError.cause`, and pg
 * itself throws plain errors without a code for a socket that closed under it ("Connection
 * terminated unexpectedly"). The classifier reads all of them structurally, so it holds for
 * every path a query can take (model, raw, interactive transaction, the connection pool).
 */

/**
 * What kind of database fault an error is:
 * - `unavailable`: the connection was lost or refused, or the server is shutting down or not
 *   accepting connections yet; retrying after a moment is safe (the statement did not commit).
 * - `timeout`: a statement or transaction ran past its timeout and was cancelled (rolled back).
 * - `conflict`: a serialization failure or deadlock; the transaction was rolled back and can be
 *   run again as a whole.
 */
export type DatabaseFault = "unavailable" | "timeout" | "conflict";

/** Prisma error codes (P1xxx: connection level; P2024: no pooled connection in time). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds for a lost or refused connection. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL SQLSTATEs: 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery), 53300
 * too_many_connections; and the whole class 08 (connection exception, checked by prefix).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Node socket errors on the way to the server. */
// ENOENT: the embedded database's Unix socket is gone (its server stopped).
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENOENT"]);
/** pg's own errors when the socket goes away or the pool cannot connect (they carry no code). */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/** 57014 query_canceled (statement_timeout), 55P03 lock_not_available (lock_timeout); P2028: Prisma's transaction timeout. */
const TIMEOUT_CODES = new Set(["57014", "55P03", "P2028"]);
/** 40001 serialization_failure, 40P01 deadlock_detected; P2034 and the adapter kind are Prisma's names for both. */
const CONFLICT_CODES = new Set(["40001", "40P01", "P2034"]);

function field(value: object, key: string): unknown {
  return key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** The error and everything it wraps: `cause` chains and Prisma's `meta.driverAdapterError`. */
function layers(error: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || found.includes(next)) continue;
    found.push(next);
    queue.push(field(next, "cause"), field(next, "originalError"));
    const meta = field(next, "meta");
    if (typeof meta === "object" && meta !== null) queue.push(field(meta, "driverAdapterError"));
  }
  return found;
}

/**
 * The database fault an error stands for, or null when it is anything else (a bug, a constraint
 * violation, a validation error), which callers must treat as an internal error.
 */
export function classifyDatabaseError(error: unknown): DatabaseFault | null {
  for (const layer of layers(error)) {
    const codes = ["code", "originalCode", "errorCode"].map((key) => field(layer, key)).filter((value): value is string => typeof value === "string");
    const kind = field(layer, "kind");
    if (kind === "TransactionWriteConflict" || codes.some((code) => CONFLICT_CODES.has(code))) return "conflict";
    if (codes.some((code) => TIMEOUT_CODES.has(code))) return "timeout";
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return "unavailable";
    if (
      codes.some(
        (code) => UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code),
      )
    ) {
      return "unavailable";
    }
    const message = field(layer, "message");
    // Only pg's own codeless errors are matched by message; a layer with a code was judged above.
    if (codes.length === 0 && typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return "unavailable";
  }
  return null;
}
