import type { PrismaClient } from "../db/index.js";
import type { LivePublisher } from "../pubsub/hub.js";
import type { Actor } from "./actor.js";
import type { AuditActor } from "./audit.js";

/**
 * What every domain call runs with: the database, who acts, the request it belongs to (the audit
 * log records it) and where live events go once a change commits (null for the CLI, the seed and
 * tests). The GraphQL context is one (src/graphql/context.ts); the CLI and the seed make their own.
 */
export interface Session extends AuditActor {
  readonly prisma: PrismaClient;
  readonly viewer: Actor;
  readonly requestId: string;
  readonly live: LivePublisher | null;
}
