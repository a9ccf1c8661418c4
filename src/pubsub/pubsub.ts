import type { LiveEvent } from "./event.js";

/** Receives every live event published by any copydesk instance on the same database. */
export type LiveEventListener = (event: LiveEvent) => void;

/**
 * Carries live events between copydesk instances. Two implementations: {@link InProcessPubSub}
 * (one process, the embedded database) and {@link PostgresPubSub} (LISTEN/NOTIFY, every instance
 * on one PostgreSQL server). Delivery is at most once: a listener that missed events (a restart,
 * a lost connection) reads them back from the audit log with `lastEventId`.
 */
export interface PubSub {
  /** Which implementation this is, for logs and /readyz-style diagnostics. */
  readonly kind: "in-process" | "postgres";
  /** Sends committed events to every listener of every instance, this one included. */
  publish(events: readonly LiveEvent[]): Promise<void>;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LiveEventListener): () => void;
  /** Stops listening and releases connections; publish fails afterwards. */
  close(): Promise<void>;
}

/** Where live updates report lost connections and failed deliveries (fastify's pino logger fits). */
export interface PubSubLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
