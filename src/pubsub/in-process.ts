import type { LiveEvent } from "./event.js";
import type { LiveEventListener, PubSub } from "./pubsub.js";

/**
 * Pub/sub inside one process: the default with the embedded database, whose single process is
 * the only writer. Listeners are called on a later turn of the event loop, so a publisher (an
 * after-commit hook) never runs subscriber code on its own stack.
 */
export class InProcessPubSub implements PubSub {
  readonly kind = "in-process" as const;
  private readonly listeners = new Set<LiveEventListener>();
  private closed = false;

  /** Delivers the events to every listener, in order, on the next turn. */
  async publish(events: readonly LiveEvent[]): Promise<void> {
    if (this.closed) throw new Error("The pub/sub is closed.");
    const listeners = [...this.listeners];
    setImmediate(() => {
      for (const event of events) for (const listener of listeners) listener(event);
    });
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LiveEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops every listener. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }
}
