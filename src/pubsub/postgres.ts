import pg from "pg";
import { z } from "zod";
import { SEQUENCE_PATTERN, type LiveEvent } from "./event.js";
import type { LiveEventListener, PubSub, PubSubLog } from "./pubsub.js";

/** The NOTIFY channel of copydesk's live events (per database, so test databases do not mix). */
export const LIVE_CHANNEL = "copydesk_events";
/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (the default page size). A larger
 * event is sent by reference: `{"ref": sequence}`, and each receiver reads it from the audit log.
 */
export const MAX_NOTIFY_BYTES = 7999;
/** Waits between attempts to get the LISTEN connection back: doubling from 250 ms up to 5 s. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5000;
/** How long one attempt to open the LISTEN connection may take. */
const CONNECT_TIMEOUT_MS = 5000;
/** Sequences of delivered events remembered, so one heard twice (replayed, then re-sent) is delivered once. */
const REMEMBERED_SEQUENCES = 10_000;
/**
 * After a reconnect the replay starts this many sequences before the highest one delivered: a
 * transaction that took its sequence earlier may have committed during the outage.
 */
const REPLAY_OVERLAP = 100n;
/** Most audit-log entries one reconnect replays. */
const RECONNECT_REPLAY_LIMIT = 10_000;

const liveEventSchema = z.object({
  sequence: z.string().regex(SEQUENCE_PATTERN),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  articleId: z.string().nullable(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
const referenceSchema = z.object({ ref: z.string().regex(SEQUENCE_PATTERN) });

/** The NOTIFY payload of an event: the event itself, or its reference when that would not fit. */
export function notifyPayload(event: LiveEvent): string {
  const inline = JSON.stringify(event);
  return Buffer.byteLength(inline, "utf8") <= MAX_NOTIFY_BYTES ? inline : JSON.stringify({ ref: event.sequence });
}

/** Options of {@link PostgresPubSub.connect}. */
export interface PostgresPubSubOptions {
  /** Reads an event sent by reference from the audit log (null when it is not there). */
  readonly load: (sequence: string) => Promise<LiveEvent | null>;
  /** Reads the events committed after a sequence from the audit log, oldest first (the replay after a reconnect). */
  readonly since: (afterSequence: bigint, limit: number) => Promise<LiveEvent[]>;
  readonly log: PubSubLog;
}

/**
 * Pub/sub over PostgreSQL LISTEN/NOTIFY, used whenever DATABASE_URL names a server: every API
 * instance on the database hears every other, with no extra service. One dedicated `pg`
 * connection per instance, outside Prisma's pool (a pooled connection cannot stay LISTENing),
 * both listens and notifies; PostgreSQL delivers a session's own notifications back to it, so
 * local subscribers take the same path as remote ones. A lost connection is re-opened with
 * backoff; what was published meanwhile is not heard, which `lastEventId` replay covers.
 */
export class PostgresPubSub implements PubSub {
  readonly kind = "postgres" as const;
  private readonly listeners = new Set<LiveEventListener>();
  private client: pg.Client | null = null;
  private closing = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  // Notifications are handled one after the other, so an event sent by reference (read back
  // from the database) is not overtaken by the inline ones that follow it.
  private delivery: Promise<void> = Promise.resolve();
  // NOTIFYs go out one after the other on the one connection (pg queues concurrent queries on a
  // client but deprecates it), which also keeps an instance's events in commit order.
  private sending: Promise<void> = Promise.resolve();
  // Exactly-once delivery across reconnects: the sequences delivered lately (insertion order,
  // oldest dropped first), the highest delivered, and this instance's events that could not be
  // NOTIFYed while the connection was down (sent again once it is back, for the other instances).
  private readonly delivered = new Set<string>();
  private highest = 0n;
  private everConnected = false;
  private unsent: LiveEvent[] = [];

  private constructor(
    private readonly url: string,
    private readonly options: PostgresPubSubOptions,
  ) {}

  /**
   * Opens the LISTEN connection. When the server cannot be reached the pub/sub is returned
   * anyway and keeps retrying: live updates wait for the database, they do not stop the API
   * from starting (its /readyz tells the load balancer about the database).
   */
  static async connect(url: string, options: PostgresPubSubOptions): Promise<PostgresPubSub> {
    const pubsub = new PostgresPubSub(url, options);
    try {
      await pubsub.open();
    } catch (error) {
      options.log.warn({ err: error }, "live updates: could not open the LISTEN connection; retrying");
      pubsub.scheduleReconnect();
    }
    return pubsub;
  }

  /** True while the LISTEN connection is up (events are heard and can be published). */
  get connected(): boolean {
    return this.client !== null;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on("notification", (message) => {
      if (message.channel !== LIVE_CHANNEL || message.payload === undefined) return;
      const payload = message.payload;
      this.delivery = this.delivery.then(() => this.receive(payload));
    });
    client.on("error", (error) => {
      this.options.log.warn({ err: error }, "live updates: the LISTEN connection failed; reconnecting");
      this.lost(client);
    });
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closing) {
      await client.end();
      return;
    }
    this.client = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    if (this.everConnected) this.delivery = this.delivery.then(() => this.catchUp());
    this.everConnected = true;
  }

  /**
   * After a reconnect: delivers, in order, what was committed while the connection was down
   * (read from the audit log; events already delivered are skipped), then NOTIFYs again this
   * instance's events that could not be sent, so the other instances hear them too.
   */
  private async catchUp(): Promise<void> {
    const after = this.highest > REPLAY_OVERLAP ? this.highest - REPLAY_OVERLAP : 0n;
    try {
      const missed = await this.options.since(after, RECONNECT_REPLAY_LIMIT);
      for (const event of missed) this.deliver(event);
      this.options.log.warn({ afterSequence: after.toString(), replayed: missed.length }, "live updates: LISTEN reconnected; replayed the events committed meanwhile");
    } catch (error) {
      this.options.log.error({ err: error }, "live updates: could not replay the events committed while LISTEN was down");
    }
    const unsent = this.unsent.splice(0);
    if (unsent.length > 0) await this.publish(unsent).catch(() => undefined);
  }

  /** Hands an event to the listeners unless it was delivered already. */
  private deliver(event: LiveEvent): void {
    if (this.delivered.has(event.sequence)) return;
    this.delivered.add(event.sequence);
    if (this.delivered.size > REMEMBERED_SEQUENCES) {
      const oldest = this.delivered.values().next();
      if (!oldest.done) this.delivered.delete(oldest.value);
    }
    const sequence = BigInt(event.sequence);
    if (sequence > this.highest) this.highest = sequence;
    for (const listener of this.listeners) listener(event);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.open().catch((error: unknown) => {
        this.options.log.warn({ err: error, retryInMs: this.reconnectDelay }, "live updates: could not reopen the LISTEN connection");
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  private async receive(payload: string): Promise<void> {
    let event: LiveEvent | null;
    try {
      const json: unknown = JSON.parse(payload);
      const reference = referenceSchema.safeParse(json);
      event = reference.success ? await this.options.load(reference.data.ref) : liveEventSchema.parse(json);
    } catch (error) {
      this.options.log.error({ err: error, payloadBytes: Buffer.byteLength(payload, "utf8") }, "live updates: unreadable notification dropped");
      return;
    }
    if (!event) return;
    this.deliver(event);
  }

  /** NOTIFYs each event (by reference when it is too large); fails while the connection is down. */
  publish(events: readonly LiveEvent[]): Promise<void> {
    const sent = this.sending.then(async () => {
      const client = this.client;
      if (!client) {
        // Sent again after the reconnect (catchUp); this instance replays them from the audit log.
        this.unsent.push(...events);
        throw new Error("The live-update connection to PostgreSQL is down.");
      }
      for (const [index, event] of events.entries()) {
        try {
          await client.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, notifyPayload(event)]);
        } catch (error) {
          // The connection died while sending: what is left goes again after the reconnect.
          this.unsent.push(...events.slice(index));
          throw error;
        }
      }
    });
    this.sending = sent.catch(() => undefined);
    return sent;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LiveEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the LISTEN connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end();
  }
}
