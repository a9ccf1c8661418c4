/**
 * Records read per SQL statement by the exports (keyset batches keep memory flat). A module of
 * its own so that the CLI's usage text can name it without loading the exports and Prisma.
 */
export const DEFAULT_BATCH_SIZE = 500;
