import pino from "pino";

/**
 * Characters of log lines gathered before they are written to stdout in one write (sonic-boom's
 * minLength, which must stay below its 16 KiB maxWrite): about twenty request lines.
 */
const LOG_BATCH_CHARACTERS = 8 * 1024;
/** The longest a gathered line waits before it is written anyway (a quiet server's lines); bench/harness/request-log.ts waits for it. */
export const LOG_FLUSH_INTERVAL_MS = 100;

/** Where the server's JSON log lines go: stdout, in batches. */
export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * stdout for the server's log lines, written in batches. Pino's default wrote each line on its
 * own, each write handed to libuv's thread pool: about three system calls per request (the write
 * and the futex wake-ups of the hand-over), a measurable share of a one-statement read on a
 * machine where system calls are dear. Here about twenty lines share one write, still made off
 * the main thread as before (written synchronously on it instead, the batches cost Q3 a sixth of
 * its requests per second in single-server runs, for no saving of CPU). No line is lost: a partial
 * batch goes out within LOG_FLUSH_INTERVAL_MS, and pino writes what is left when the process
 * exits (process.exit, an uncaught error), as it does for its default destination; only a
 * SIGKILL loses the lines of the last interval.
 */
export function batchedStdout(): LogDestination {
  return pino.destination({ dest: process.stdout.fd, minLength: LOG_BATCH_CHARACTERS, periodicFlush: LOG_FLUSH_INTERVAL_MS, sync: false });
}
