import type { Server } from "node:http";
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Actor } from "../core/actor.js";
import type { PrismaClient } from "../db/index.js";
import type { TokenCache } from "../domain/auth/token-cache.js";
import { authenticateGrant, AuthenticationError } from "../domain/auth/tokens.js";
import { createSubscriptionContext } from "../graphql/context.js";
import { ErrorCode } from "../graphql/errors.js";
import { queryLimits } from "../graphql/limits.js";
import type { TrustedDocuments } from "../graphql/trusted-documents.js";
import type { LiveHub } from "../pubsub/hub.js";
import type { PubSubLog } from "../pubsub/pubsub.js";
import { ConnectionRights } from "./websocket-rights.js";
import { asksReplay, checkedDocument, refusal, sharedSubscribe, withoutSchemaHints } from "./websocket-operations.js";

export { CLOSE_FORBIDDEN } from "./websocket-rights.js";

/** Most subscriptions one WebSocket connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** Largest WebSocket message accepted: a subscribe message is a document (at most 50,000 characters) and its variables. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** How long a client gets to answer the 1001 close frame before its socket is cut at shutdown. */
const CLOSE_HANDSHAKE_MS = 1000;
/** How long a new socket gets to send connection_init before it is closed (4408): graphql-ws's default, stated. */
const CONNECTION_INIT_TIMEOUT_MS = 3000;

/** What the WebSocket endpoint needs from the server that carries it. */
export interface SubscriptionServerOptions {
  /** fastify's HTTP server: WebSocket upgrades to /graphql are answered on the same port. */
  readonly server: Server;
  readonly schema: GraphQLSchema;
  readonly prisma: PrismaClient;
  readonly hub: LiveHub;
  readonly production: boolean;
  readonly log: PubSubLog & { info(details: object, message: string): void };
  /** The same masking of unexpected errors as HTTP responses get. */
  readonly formatError: (error: GraphQLError, requestId: string) => GraphQLFormattedError;
  /** Trusted-documents mode: only these documents may be subscribed to; null runs any. */
  readonly trusted: TrustedDocuments | null;
  /** The server's token cache (emptied by the same live events), so a re-check usually reads nothing. */
  readonly tokenCache: TokenCache | null;
  /** Open WebSockets allowed per instance and per client address; past either, the upgrade is answered 503. */
  readonly bounds: { readonly maxWebSockets: number; readonly maxWebSocketsPerAddress: number };
  /** The HTTP overload signal: while it holds, new subscriptions are refused (OVERLOADED). */
  readonly pressure: { readonly underPressure: boolean };
  /**
   * Counts one expensive operation (a replay) against the rate limits of the client address and
   * token, as HTTP counts a mutation; the seconds to wait when over a limit, else null.
   */
  readonly countExpensive: (address: string, tokenId: string | null) => Promise<number | null>;
}

/** The running WebSocket endpoint. */
export interface SubscriptionServer {
  /** Open WebSocket connections. */
  connections(): number;
  /**
   * Shutdown: stops handing out new events, waits (at most `timeoutMs`) for the events being
   * delivered, then closes every connection with 1001 (going away), so clients reconnect to
   * another instance and resume with `lastEventId`.
   */
  close(timeoutMs: number): Promise<void>;
}

/** What graphql-ws keeps per connection besides the socket: the viewer its token authenticated. */
interface ConnectionState extends Record<PropertyKey, unknown> {
  viewer: Actor;
  /** The client's address, for the rate limits a replay counts against. */
  address: string;
  connectionId: number;
  /** Set for connections opened with a token; anonymous ones have no rights to lose. */
  rights: ConnectionRights | null;
}

/**
 * graphql-ws on fastify's HTTP server, path /graphql: the same schema as Apollo, the same bearer
 * tokens (sent as `connectionParams.authorization`, checked once when the connection opens; a
 * refused token closes it with 4403), the same parse, validation and cost limits, the same
 * role rules (the subscriptions authorize when they start) and the same error masking. Only
 * subscriptions run here; queries and mutations stay on HTTP, where rate limits and request
 * logs apply.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, prisma, hub, production, log } = options;
  // Open sockets per client address; a flood from one address is refused at the upgrade (503),
  // before graphql-ws allocates anything for it.
  const perAddress = new Map<string, number>();
  const wss = new WebSocketServer({
    server: options.server,
    path: "/graphql",
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: (info, accept) => {
      const address = info.req.socket.remoteAddress ?? "unknown";
      if (wss.clients.size >= options.bounds.maxWebSockets || (perAddress.get(address) ?? 0) >= options.bounds.maxWebSocketsPerAddress) {
        accept(false, 503, "Too many WebSocket connections: retry later", { "retry-after": "1" });
        return;
      }
      accept(true);
    },
  });
  wss.on("connection", (socket, request) => {
    const address = request.socket.remoteAddress ?? "unknown";
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    socket.once("close", () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  const limits = queryLimits();
  // Numbers connections for the ids in error messages and logs (ws-<connection>-<subscription>).
  let lastConnectionId = 0;
  const reauthenticate = (header: string) => authenticateGrant(prisma, header, { production, cache: options.tokenCache });
  // The rights of every authenticated connection, and of each subscription's context (graphql-ws
  // hands `subscribe` the execution arguments only).
  const authenticated = new Set<ConnectionRights>();
  const rightsOfContext = new WeakMap<object, ConnectionRights>();
  // The live event of any audited change of a user or their tokens (the one that empties the
  // token cache) makes that user's connections check their rights again before their next event.
  const stopObserving = hub.observe((event) => {
    if (event.targetType !== "User") return;
    for (const rights of authenticated) if (rights.userId === event.targetId) void rights.recheck();
  });
  const admittedFor = (context: unknown): (() => Promise<boolean>) => {
    const rights = typeof context === "object" && context !== null ? rightsOfContext.get(context) : undefined;
    return rights ? () => rights.admitted() : () => Promise.resolve(true);
  };
  const disposable = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      isProd: production,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      subscribe: (args) => sharedSubscribe(hub, args, admittedFor(args.contextValue)),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.["authorization"];
        if (header !== undefined && typeof header !== "string") return false;
        try {
          const grant = await reauthenticate(header ?? "");
          ctx.extra.viewer = grant.viewer;
          ctx.extra.rights = header ? new ConnectionRights(header, grant.viewer, grant.expiresAt, ctx.extra.socket, reauthenticate, log) : null;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          log.info({ reason: error.message }, "websocket connection refused: bad token");
          return false;
        }
        if (ctx.extra.rights) authenticated.add(ctx.extra.rights);
        ctx.extra.address = ctx.extra.request.socket.remoteAddress ?? "unknown";
        lastConnectionId += 1;
        ctx.extra.connectionId = lastConnectionId;
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.rights) authenticated.delete(ctx.extra.rights);
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const viewer = ctx.extra.viewer;
        if (!viewer) return [refusal("The connection is not initialised.", ErrorCode.UNAUTHENTICATED)];
        // The same overload signal as HTTP: a lagging event loop takes no new subscriptions.
        if (options.pressure.underPressure) {
          return [new GraphQLError("The server is busy: subscribe again in 1 second.", { extensions: { code: ErrorCode.OVERLOADED, retryable: true, retryAfterSeconds: 1 } })];
        }
        // Every operation start checks the token, user and role again (from the token cache when
        // nothing changed): a socket never starts an operation with rights its token lost.
        const rights = ctx.extra.rights ?? null;
        if (rights && !(await rights.recheck())) return [refusal("The connection's token, user or role changed: reconnect with a valid token.", ErrorCode.FORBIDDEN)];
        // graphql-ws registers the new subscription's id before calling onSubscribe: it is among these.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [refusal(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, ErrorCode.BAD_REQUEST)];
        }
        const variables = payload.variables ?? {};
        const resolved = options.trusted ? options.trusted.resolve(payload) : { query: payload.query };
        if ("refusal" in resolved) return [refusal(resolved.refusal.message, resolved.refusal.code)];
        const document = checkedDocument(schema, limits, resolved.query, payload.operationName, variables);
        // graphql-ws sends these as they are, without formatError: in production they lose their
        // "Did you mean" suggestions here, as Apollo's are lost over HTTP.
        if (!("kind" in document)) return production ? document.map(withoutSchemaHints) : document;
        // A replay reads up to REPLAY_LIMIT audit entries: it counts against the rate limits like
        // an expensive query over HTTP, so 100 replaying subscriptions x 500 sockets cannot be free.
        if (asksReplay(document, variables)) {
          const wait = await options.countExpensive(ctx.extra.address ?? "unknown", viewer.tokenId);
          if (wait !== null) {
            return [new GraphQLError(`Too many replays: try again in ${wait} seconds.`, { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: wait } })];
          }
        }
        const contextValue = createSubscriptionContext(prisma, viewer, `ws-${ctx.extra.connectionId ?? 0}-${id}`, hub);
        if (rights) rightsOfContext.set(contextValue, rights);
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: variables,
          contextValue,
        };
      },
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const requestId = `ws-${ctx.extra.connectionId ?? 0}-${id}`;
        return { ...result, errors: result.errors.map((error) => options.formatError(error, requestId)) };
      },
    },
    wss,
  );

  return {
    connections: () => wss.clients.size,
    async close(timeoutMs) {
      stopObserving();
      await hub.drain(timeoutMs);
      const closed = disposable.dispose();
      // A client that never answers the close frame must not hold the shutdown up.
      const timer = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, CLOSE_HANDSHAKE_MS);
      try {
        await closed;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
