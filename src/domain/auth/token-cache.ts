import type { ApiToken, User } from "../../generated/prisma/client.js";

/** A token record with its user, as the lookup by hash returns it. */
export type TokenWithUser = ApiToken & { user: User };

/** Most tokens kept; past it the oldest entry goes (a newsroom has hundreds of tokens, not thousands). */
const MAX_ENTRIES = 10_000;

/**
 * The live tokens this instance looked up recently, by secret hash, for `ttlMs`: an authenticated
 * request then costs no token lookup (one of Q1's two statements). Every check of `authenticate`
 * (revoked, expired, disabled user, development token in production) still runs on the cached
 * record at the time of each request, so an expiry takes effect on the second.
 *
 * A change made through the API (a token revoked or created, a role changed, a user disabled: any
 * audited change of a User) empties the cache of every instance as its live event arrives, see
 * `server.ts`. A change made outside the API (`npm run token -- revoke`, SQL) takes effect
 * within `ttlMs`.
 */
export class TokenCache {
  private readonly entries = new Map<string, { readonly record: TokenWithUser; readonly until: number }>();
  private clears = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The record cached for `hash`, when it was looked up less than `ttlMs` ago. */
  get(hash: string): TokenWithUser | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.record;
  }

  /**
   * Changes each time the cache is emptied. Read it before looking a token up in the database and
   * hand it to {@link set}: a record read before a revocation emptied the cache is then not kept.
   */
  get generation(): number {
    return this.clears;
  }

  /** Keeps a record read from the database at `generation` (or just updated) for `ttlMs` from now, unless the cache was emptied since. */
  set(hash: string, record: TokenWithUser, generation: number): void {
    if (generation !== this.clears) return;
    this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hash, { record, until: this.clock() + this.ttlMs });
  }

  /** Forgets every token: the next request of each one reads it from the database again. */
  clear(): void {
    this.clears += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
