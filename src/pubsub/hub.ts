import type { LiveEvent } from "./event.js";
import type { PubSub, PubSubLog } from "./pubsub.js";

/** Most events one subscription may have waiting before it is ended as too slow. */
export const SUBSCRIPTION_QUEUE_CAPACITY = 1000;
/** Most results kept by {@link LiveHub.shared}: enough for the events of the last few seconds. */
const SHARED_RESULTS = 4096;

/**
 * A value a subscription yields for one event. `shareKey` (the event's sequence) lets the
 * WebSocket layer execute the selection once for every subscriber of the same role, document and
 * variables; null (a failed payload) means execute it for this subscriber alone.
 */
export interface SharedDelivery {
  readonly shareKey: string | null;
}

/** Publishes committed events; what recordAudit needs (GraphQLContext.live is one). */
export interface LivePublisher {
  /** Hands events to the pub/sub; never throws (a failure is logged, replay covers it). */
  publish(events: readonly LiveEvent[]): void;
}

/**
 * The events one subscription is waiting to process, in arrival order. Bounded: a subscriber
 * that falls {@link SUBSCRIPTION_QUEUE_CAPACITY} events behind is ended (its client resubscribes
 * with `lastEventId`) rather than let one slow socket hold memory without limit.
 */
export class EventQueue {
  private readonly buffer: LiveEvent[] = [];
  private waiting: ((event: LiveEvent | null) => void) | null = null;
  private ended = false;

  constructor(
    private readonly capacity: number,
    private readonly onEnd: (overflowed: boolean) => void,
  ) {}

  /** Adds an event (or ends the queue when it is full). */
  push(event: LiveEvent): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(event);
    } else if (this.buffer.length >= this.capacity) {
      this.finish(true);
    } else {
      this.buffer.push(event);
    }
  }

  /** The next event, waiting for one if needed; null once the queue has ended. */
  pull(): Promise<LiveEvent | null> {
    const next = this.buffer.shift();
    if (next) return Promise.resolve(next);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Ends the queue: a pending pull answers null, later pushes are ignored. */
  end(): void {
    this.finish(false);
  }

  private finish(overflowed: boolean): void {
    if (this.ended) return;
    this.ended = true;
    this.buffer.length = 0;
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.(null);
    this.onEnd(overflowed);
  }
}

/**
 * One instance's side of live updates: publishes committed events to the pub/sub, and hands
 * the events it hears to the local subscriptions whose filter they match. It keeps no state that
 * other instances need: each instance hears every event from the pub/sub on its own.
 */
export class LiveHub implements LivePublisher {
  private readonly queues = new Map<EventQueue, (event: LiveEvent) => boolean>();
  private readonly results = new Map<string, Promise<unknown>>();
  private readonly observers = new Set<(event: LiveEvent) => void>();
  private readonly unsubscribe: () => void;
  private paused = false;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly pubsub: PubSub,
    private readonly log: PubSubLog,
  ) {
    this.unsubscribe = pubsub.subscribe((event) => this.dispatch(event));
  }

  /** Subscriptions open on this instance. */
  get subscriptions(): number {
    return this.queues.size;
  }

  /**
   * Calls `listener` with every event this instance publishes, as it publishes it, and with every
   * event it hears from the pub/sub (its own again among them): at least once, soon after the
   * commit, for caches that must forget what a change made stale. Returns the way to stop.
   */
  observe(listener: (event: LiveEvent) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  private notifyObservers(event: LiveEvent): void {
    for (const observer of this.observers) {
      try {
        observer(event);
      } catch (error) {
        this.log.error({ err: error, sequence: event.sequence }, "live updates: an observer failed");
      }
    }
  }

  /** Hands events to the pub/sub; a failure is logged, not thrown (the change is committed already). */
  publish(events: readonly LiveEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) this.notifyObservers(event);
    this.pubsub.publish(events).catch((error: unknown) => {
      this.log.error({ err: error, sequences: events.map((event) => event.sequence) }, "live updates: could not publish committed events");
    });
  }

  /** A queue of the events that match `filter`, from now on; end it when the subscription ends. */
  listen(filter: (event: LiveEvent) => boolean): EventQueue {
    const queue = new EventQueue(SUBSCRIPTION_QUEUE_CAPACITY, (overflowed) => {
      this.queues.delete(queue);
      if (overflowed) this.log.warn({ capacity: SUBSCRIPTION_QUEUE_CAPACITY }, "live updates: a subscriber fell too far behind and was ended");
    });
    this.queues.set(queue, filter);
    return queue;
  }

  private dispatch(event: LiveEvent): void {
    this.notifyObservers(event);
    if (this.paused) return;
    for (const [queue, filter] of this.queues) {
      try {
        if (filter(event)) queue.push(event);
      } catch (error) {
        this.log.error({ err: error, sequence: event.sequence }, "live updates: a subscription filter failed");
      }
    }
  }

  /**
   * The result of `load` for `key`, computed once per instance and shared by every subscription
   * that asks: when 500 editors watch one article, an event loads its record once per role, not
   * 500 times. Keys must name the event and everything the result depends on (the role).
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.results.get(key);
    if (known) return known as Promise<T>;
    const result = load();
    this.results.set(key, result);
    result.catch(() => this.results.delete(key));
    if (this.results.size > SHARED_RESULTS) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
    return result;
  }

  /** Marks an event being turned into a message; call the returned function once it is sent. */
  begin(): () => void {
    this.busy += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.busy -= 1;
      if (this.busy === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
  }

  /**
   * First step of a shutdown: stop handing new events to subscriptions, and wait (at most
   * `timeoutMs`) for the events already being delivered to be sent.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.paused = true;
    if (this.busy === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Ends every subscription's queue and stops hearing the pub/sub (which the caller closes). */
  close(): void {
    this.unsubscribe();
    for (const queue of [...this.queues.keys()]) queue.end();
  }
}
