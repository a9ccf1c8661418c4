import { GraphQLError } from "graphql";
import type { LiveResults, LiveSubscription } from "../../../domain/subscriptions/service.js";
import { readLiveEvents, SEQUENCE_PATTERN, type LiveEvent } from "../../../pubsub/event.js";
import type { EventQueue, LiveHub, SharedDelivery } from "../../../pubsub/hub.js";
import type { GraphQLContext } from "../../context.js";
import { badUserInput, ErrorCode } from "../../errors.js";

// The live stream of a subscription over graphql-ws: replay after `lastEventId`, then live
// events, each turned into its payload by the domain's LiveSubscription.

/** Most audit-log entries one `lastEventId` replay reads; beyond, REPLAY_LIMIT_EXCEEDED. */
export const REPLAY_LIMIT = 1000;

/**
 * One event's payload, or why it could not be built. A subscription yields these and its
 * `resolve` unwraps them, so a failure (the database away for a moment) is an error on that one
 * event and the subscription goes on, instead of ending the client's whole connection.
 */
export type Delivery<T> = SharedDelivery & ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown });

/** The live hub of a context, or an error for a context without one (a plain HTTP request). */
export function liveHub(context: GraphQLContext): LiveHub {
  if (context.live) return context.live;
  throw new GraphQLError("Subscriptions run over WebSocket (graphql-ws) at /graphql.", { extensions: { code: ErrorCode.BAD_REQUEST } });
}

/** The shared results of a context's live hub, looked up when a payload first needs them (the hub's absence is an error then, as before). */
export function liveResults(context: GraphQLContext): LiveResults {
  return { shared: (key, load) => liveHub(context).shared(key, load) };
}

/** `lastEventId` as a sequence number; BAD_USER_INPUT when it is not one. */
function parseLastEventId(lastEventId: string | null | undefined): bigint | null {
  if (lastEventId === null || lastEventId === undefined) return null;
  if (!SEQUENCE_PATTERN.test(lastEventId)) throw badUserInput("lastEventId must be the `sequence` of an event you received.", "lastEventId");
  return BigInt(lastEventId);
}

/**
 * The events committed after `after`, oldest first. The read is bounded: beyond
 * {@link REPLAY_LIMIT} entries of the audit log the client is told to reload instead, because a
 * replay that long costs more than reading the current state again.
 */
async function missedEvents(context: GraphQLContext, after: bigint): Promise<LiveEvent[]> {
  const events = await readLiveEvents(context.prisma, after, REPLAY_LIMIT + 1);
  if (events.length > REPLAY_LIMIT) {
    throw new GraphQLError(
      `More than ${REPLAY_LIMIT} changes were made since event ${after}: read the current state again and subscribe without lastEventId.`,
      { extensions: { code: ErrorCode.REPLAY_LIMIT_EXCEEDED, replayLimit: REPLAY_LIMIT } },
    );
  }
  return events;
}

/**
 * The source stream of a subscription: first the matching events missed since `lastEventId`
 * (from the audit log), then live ones. Listening starts before the replay is read, so an event
 * committed meanwhile is not lost; one both replayed and heard live is sent once. Written as an
 * iterator rather than an async generator so that `return()` (the client unsubscribing) ends it
 * at once even while it waits for the next event.
 */
class LiveStream<T> implements AsyncIterableIterator<Delivery<T>> {
  private readonly replayed: ReadonlySet<string>;
  private delivering: (() => void) | null = null;

  constructor(
    private readonly hub: LiveHub,
    private readonly queue: EventQueue,
    private readonly missed: LiveEvent[],
    private readonly subscription: LiveSubscription<T>,
  ) {
    this.replayed = new Set(missed.map((event) => event.sequence));
  }

  async next(): Promise<IteratorResult<Delivery<T>, undefined>> {
    // graphql-ws asks for the next event once the previous one is sent: that one is delivered.
    this.finishDelivery();
    for (;;) {
      const replaying = this.missed.shift();
      const event = replaying ?? (await this.queue.pull());
      if (!event) return { done: true, value: undefined };
      if (!replaying && this.replayed.has(event.sequence)) continue;
      const finished = this.hub.begin();
      try {
        const value = await this.subscription.payload(event);
        if (value === null) {
          finished();
          continue;
        }
        this.delivering = finished;
        return { done: false, value: { ok: true, value, shareKey: event.sequence } };
      } catch (error) {
        this.delivering = finished;
        return { done: false, value: { ok: false, error, shareKey: null } };
      }
    }
  }

  async return(): Promise<IteratorResult<Delivery<T>, undefined>> {
    this.finishDelivery();
    this.missed.length = 0;
    this.queue.end();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<Delivery<T>, undefined>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finishDelivery(): void {
    this.delivering?.();
    this.delivering = null;
  }
}

/**
 * Starts a subscription for a viewer already authorized for it: validates `lastEventId`,
 * listens, reads what was missed, and returns the stream graphql-ws iterates.
 */
export async function openLiveStream<T>(
  context: GraphQLContext,
  lastEventId: string | null | undefined,
  subscription: LiveSubscription<T>,
): Promise<AsyncIterableIterator<Delivery<T>>> {
  const hub = liveHub(context);
  const after = parseLastEventId(lastEventId);
  const queue = hub.listen(subscription.filter);
  try {
    const missed = after === null ? [] : (await missedEvents(context, after)).filter(subscription.filter);
    return new LiveStream(hub, queue, missed, subscription);
  } catch (error) {
    queue.end();
    throw error;
  }
}

/**
 * A delivery's payload, or its error thrown for this one event (the subscription's `resolve`).
 * No delivery means the operation was executed as a query, as Apollo does with a subscription
 * sent over HTTP: BAD_REQUEST, pointing to the WebSocket.
 */
export function unwrap<T>(delivery: Delivery<T> | undefined): T {
  if (delivery === undefined) {
    throw new GraphQLError("Subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP.", { extensions: { code: ErrorCode.BAD_REQUEST } });
  }
  if (delivery.ok) return delivery.value;
  throw delivery.error;
}
