import type { Database } from "../db/index.js";
import { readLiveEvent } from "./event.js";
import { InProcessPubSub } from "./in-process.js";
import { PostgresPubSub } from "./postgres.js";
import type { PubSub, PubSubLog } from "./pubsub.js";

export { articleIdOf, liveEventOf, readLiveEvent, readLiveEvents, SEQUENCE_PATTERN, type LiveEvent } from "./event.js";
export { EventQueue, LiveHub, type LivePublisher } from "./hub.js";
export { InProcessPubSub } from "./in-process.js";
export { LIVE_CHANNEL, MAX_NOTIFY_BYTES, notifyPayload, PostgresPubSub } from "./postgres.js";
export type { LiveEventListener, PubSub, PubSubLog } from "./pubsub.js";

/**
 * The pub/sub for a database: LISTEN/NOTIFY on a PostgreSQL server (so several API instances
 * share events), in-process for the embedded database (one process owns it).
 */
export async function createPubSub(database: Database, log: PubSubLog): Promise<PubSub> {
  if (database.kind === "embedded") return new InProcessPubSub();
  return PostgresPubSub.connect(database.url, { load: (sequence) => readLiveEvent(database.prisma, sequence), log });
}
