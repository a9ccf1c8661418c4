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
}

/** Backoff before retry n (1-based): 10-30 ms, then 20-60 ms, ... jittered so that the transactions that collided do not collide again. */
function backoffMs(attempt: number): number {
  const base = 10 * 2 ** (attempt - 1);
  return base + Math.random() * base * 2;
}

/**
 * Runs `work` in one interactive Prisma transaction (with the client's maxWait and timeout), and
 * runs it again, a bounded number of times, when PostgreSQL rolled it back for a serialization
 * failure (40001) or a deadlock (40P01): both mean "nothing happened, try again", and the whole
 * transaction is repeated, so `work` must not have effects outside `tx`. Any other error, and
 * the last conflict, is thrown as is (formatError then reports it as a retryable error).
 */
export async function inTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? TRANSACTION_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(work);
    } catch (error) {
      if (attempt >= attempts || classifyDatabaseError(error) !== "conflict") throw error;
      options.onRetry?.(attempt, error);
      await sleep(backoffMs(attempt));
    }
  }
}
