import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma, PrismaClient } from "./client.js";
import { classifyDatabaseError } from "./faults.js";

/** How many times a transaction runs at most when it keeps failing on serialization or deadlock. */
export const TRANSACTION_ATTEMPTS = 3;

/** Options for {@link inTransaction}. */
export interface TransactionRetryOptions {
  /** Largest number of attempts (default {@link TRANSACTION_ATTEMPTS}). */
  readonly attempts?: number;
  /** Called before each retry, with the attempt that failed (tests count retries with it). */
  readonly onRetry?: (attempt: number, error: unknown) => void;
  /**
   * Longest the whole transaction may stay open, in milliseconds (default: the client's, 15 s).
   * Each statement stays bounded by the server's statement_timeout either way.
   */
  readonly timeoutMs?: number;
}

/**
 * The bound of a transaction that writes a whole story at once (ingest, the example story):
 * dozens of statements, each waiting for a core on a busy machine. Under the client's 15 s, the
 * example story's ingest expired on a 2-core machine running two test suites (load 30), though
 * the database was never the slow part.
 */
export const BULK_TRANSACTION_TIMEOUT_MS = 60_000;

/** Backoff before retry n (1-based): 10-30 ms, then 20-60 ms, ... jittered so that the transactions that collided do not collide again. */
function backoffMs(attempt: number): number {
  const base = 10 * 2 ** (attempt - 1);
  return base + Math.random() * base * 2;
}

// Work to run once a transaction has committed, per transaction client. A WeakMap keyed by the
// client of one attempt: a retried attempt gets a fresh client, so the hooks of an attempt that
// rolled back are dropped with it and never run.
const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Registers `hook` to run after the transaction of `tx` commits (never when it rolls back). For
 * effects outside the database that must not be seen before the change is, such as publishing
 * live events. Throws for a client not opened by {@link inTransaction}, rather than run the hook
 * at a moment when the change may still roll back. A hook must not throw: it runs after the
 * commit, when the caller's answer is already decided.
 */
export function afterCommit(tx: Prisma.TransactionClient, hook: () => void): void {
  const hooks = commitHooks.get(tx);
  if (!hooks) throw new Error("afterCommit needs a transaction client opened by inTransaction.");
  hooks.push(hook);
}

/**
 * Runs `work` in one interactive Prisma transaction (with the client's maxWait and timeout), and
 * runs it again, a bounded number of times, when PostgreSQL rolled it back for a serialization
 * failure (40001) or a deadlock (40P01): both mean "nothing happened, try again", and the whole
 * transaction is repeated, so `work` must not have effects outside `tx`. Any other error, and
 * the last conflict, is thrown as is (formatError then reports it as a retryable error). Hooks
 * registered with {@link afterCommit} run once the attempt that succeeded has committed.
 */
export async function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionRetryOptions = {},
): Promise<T> {
  return retryingConflicts(async () => {
    const hooks: (() => void)[] = [];
    const result = await prisma.$transaction(
      async (tx) => {
        commitHooks.set(tx, hooks);
        return work(tx);
      },
      options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs },
    );
    for (const hook of hooks) hook();
    return result;
  }, options);
}

/**
 * Runs `attempt` again, a bounded number of times with a jittered backoff, when it failed on a
 * serialization failure or a deadlock ({@link inTransaction}'s rule; also for work that commits
 * in one statement, with no transaction around it). `attempt` must have no effect outside the
 * database before its last statement succeeds.
 */
export async function retryingConflicts<T>(attempt: () => Promise<T>, options: Omit<TransactionRetryOptions, "timeoutMs"> = {}): Promise<T> {
  const attempts = options.attempts ?? TRANSACTION_ATTEMPTS;
  for (let number = 1; ; number += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (number >= attempts || classifyDatabaseError(error) !== "conflict") throw error;
      options.onRetry?.(number, error);
      await sleep(backoffMs(number));
    }
  }
}
