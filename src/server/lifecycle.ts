import type { ApolloServer } from "@apollo/server";
import type { FastifyInstance } from "fastify";
import type { GraphQLContext } from "../graphql/context.js";
import type { LiveHub, PubSub } from "../pubsub/index.js";
import type { EventLoopPressure } from "./overload.js";
import type { SubscriptionServer } from "./websocket.js";

/** At shutdown, how long live events already being delivered get before WebSockets close. */
const SUBSCRIPTION_DRAIN_MS = 2000;

/**
 * Shutdown: fastify.close() stops accepting connections and waits for the open ones, but a
 * keep-alive connection stays open after its in-flight request is answered (until fastify's
 * 72 s keep-alive timeout), which held the drain past main.ts's grace period. Every response
 * sent once closing has begun therefore asks the client to close its connection (and every
 * response carries its request id).
 * WebSockets are not requests fastify waits for: once /readyz is red (the load balancer stops
 * sending new clients), events already being delivered are sent and every socket is closed
 * with 1001, so its client reconnects elsewhere and resumes with lastEventId.
 * Returns whether the server is stopping, for /readyz.
 */
export function drainOnClose(app: FastifyInstance, subscriptions: SubscriptionServer): () => boolean {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
    await subscriptions.close(SUBSCRIPTION_DRAIN_MS);
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (closing) reply.header("connection", "close");
  });
  return () => closing;
}

/** What the server stops once fastify has closed (in this order). */
export interface ClosedWithServer {
  readonly pressure: EventLoopPressure;
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly hub: LiveHub;
  /** The pub/sub the server opened itself; one it was given is its owner's to close. */
  readonly ownPubSub: PubSub | null;
}

/** Stops the sampler, Apollo, the live hub and the server's own pub/sub when fastify closes. */
export function stopOnClose(app: FastifyInstance, { pressure, apollo, hub, ownPubSub }: ClosedWithServer): void {
  app.addHook("onClose", async () => {
    pressure.stop();
    await apollo.stop();
    hub.close();
    if (ownPubSub) await ownPubSub.close();
  });
}
