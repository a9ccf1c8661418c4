import type { DatabaseTarget } from "../config.js";
import type { Database } from "../db/index.js";
import { readLiveEvent, readLiveEvents } from "./event.js";
import { InProcessPubSub } from "./in-process.js";
import { PostgresPubSub } from "./postgres.js";
import type { PubSub, PubSubLog } from "./pubsub.js";

export { articleIdOf, liveEventOf, readLiveEvent, readLiveEvents, SEQUENCE_PATTERN, type LiveEvent } from "./event.js";
export { EventQueue, LiveHub, type LivePublisher } from "./hub.js";
export { InProcessPubSub } from "./in-process.js";
export { LIVE_CHANNEL, MAX_NOTIFY_BYTES, notifyPayload, PostgresPubSub } from "./postgres.js";
export type { LiveEventListener, PubSub, PubSubLog } from "./pubsub.js";

/**
 * The pub/sub for the configured database: LISTEN/NOTIFY whenever DATABASE_URL names a server
 * (so several API instances share events), in-process for the embedded database (one process
 * owns it). Decided by the configuration, not by the connection: the embedded PGlite is also
 * reached through a PostgreSQL URL, but its socket server multiplexes every connection over one
 * session, where a LISTENing connection has no place.
 */
export async function createPubSub(target: DatabaseTarget, database: Database, log: PubSubLog): Promise<PubSub> {
  if (target.kind === "embedded") return new InProcessPubSub();
  return PostgresPubSub.connect(target.url, {
    load: (sequence) => readLiveEvent(database.prisma, sequence),
    since: (afterSequence, limit) => readLiveEvents(database.prisma, afterSequence, limit),
    log,
  });
}
