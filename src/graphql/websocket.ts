import type { Server } from "node:http";
import { createHash } from "node:crypto";
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { PrismaClient } from "../db/index.js";
import { authenticate, AuthenticationError } from "../modules/auth/tokens.js";
import type { Viewer } from "../modules/auth/viewer.js";
import type { LiveHub, SharedDelivery } from "../pubsub/hub.js";
import type { PubSubLog } from "../pubsub/pubsub.js";
import { createSubscriptionContext, type GraphQLContext } from "./context.js";
import { ErrorCode } from "./errors.js";
import { MAX_DOCUMENT_LENGTH, operationCost, queryLimits } from "./limits.js";
import type { TrustedDocuments } from "./trusted-documents.js";

/** Most subscriptions one WebSocket connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** Largest WebSocket message accepted: a subscribe message is a document (at most 50,000 characters) and its variables. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** How long a client gets to answer the 1001 close frame before its socket is cut at shutdown. */
const CLOSE_HANDSHAKE_MS = 1000;

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
  viewer: Viewer;
  connectionId: number;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** An error of parsing or validation with the code Apollo gives it over HTTP, when it has none. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions["code"]) return error;
  return new GraphQLError(error.message, { nodes: error.nodes ?? null, source: error.source ?? null, positions: error.positions ?? null, extensions: { ...error.extensions, code } });
}

/** Parses and validates a subscribe message with the same limits as an HTTP request; errors instead of a document. */
function checkedDocument(
  schema: GraphQLSchema,
  limits: ReturnType<typeof queryLimits>,
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): DocumentNode | readonly GraphQLError[] {
  if (query.length > MAX_DOCUMENT_LENGTH) return [refusal(`The GraphQL document is longer than ${MAX_DOCUMENT_LENGTH} characters.`, ErrorCode.BAD_REQUEST)];
  let document: DocumentNode;
  try {
    document = parse(query, limits.parseOptions);
  } catch (error) {
    return [error instanceof GraphQLError ? withCode(error, "GRAPHQL_PARSE_FAILED") : refusal("The GraphQL document could not be parsed.", "GRAPHQL_PARSE_FAILED")];
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (errors.length > 0) return errors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
  const operation = getOperationAST(document, operationName);
  if (!operation) return [refusal("Name the operation to run (operationName).", ErrorCode.BAD_REQUEST)];
  if (operation.operation !== "subscription") {
    return [refusal("Only subscriptions run over WebSocket: send queries and mutations to /graphql over HTTP.", ErrorCode.BAD_REQUEST)];
  }
  try {
    operationCost(schema, document, variables);
  } catch (error) {
    return [error instanceof GraphQLError ? withCode(error, "GRAPHQL_VALIDATION_FAILED") : refusal("The subscription is too expensive.", "GRAPHQL_VALIDATION_FAILED")];
  }
  return document;
}

function isSharedDelivery(value: unknown): value is SharedDelivery {
  return typeof value === "object" && value !== null && "shareKey" in value;
}

/**
 * The results of a subscription's events, executed with `run`, ending with the source (and
 * ending the source when the client unsubscribes).
 */
class ExecutedStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly source: AsyncIterator<unknown>;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly run: (payload: unknown) => Promise<ExecutionResult>,
  ) {
    this.source = source[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    const step = await this.source.next();
    if (step.done) return { done: true, value: undefined };
    return { done: false, value: await this.run(step.value) };
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    await this.source.return?.();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * graphql-js's `subscribe`, except that an event's selection is executed once per instance for
 * every subscriber with the same role, document and variables, and the result is shared: 500
 * editors watching one article cost one execution per event, not 500. Sound because what a
 * viewer may read depends on the role alone (the visibility rules take the role; LiveHub.shared
 * relies on the same), and payload types have no field about the viewer themselves.
 */
async function sharedSubscribe(hub: LiveHub, args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const context = args.contextValue as GraphQLContext;
  const signature = createHash("sha256")
    .update(JSON.stringify([context.viewer.role, args.operationName ?? null, args.variableValues ?? {}]))
    .update(args.document.loc?.source.body ?? JSON.stringify(args.document))
    .digest("base64url");
  const executeOne = async (payload: unknown): Promise<ExecutionResult> => execute({ ...args, rootValue: payload });
  return new ExecutedStream(source, (payload) =>
    isSharedDelivery(payload) && payload.shareKey !== null ? hub.shared(`${payload.shareKey}:result:${signature}`, () => executeOne(payload)) : executeOne(payload),
  );
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
  const wss = new WebSocketServer({ server: options.server, path: "/graphql", maxPayload: MAX_MESSAGE_BYTES });
  const limits = queryLimits();
  // Numbers connections for the ids in error messages and logs (ws-<connection>-<subscription>).
  let lastConnectionId = 0;
  const disposable = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      isProd: production,
      subscribe: (args) => sharedSubscribe(hub, args),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.["authorization"];
        if (header !== undefined && typeof header !== "string") return false;
        try {
          ctx.extra.viewer = await authenticate(prisma, header, { production });
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          log.info({ reason: error.message }, "websocket connection refused: bad token");
          return false;
        }
        lastConnectionId += 1;
        ctx.extra.connectionId = lastConnectionId;
        return true;
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const viewer = ctx.extra.viewer;
        if (!viewer) return [refusal("The connection is not initialised.", ErrorCode.UNAUTHENTICATED)];
        if (Object.keys(ctx.subscriptions).length >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [refusal(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, ErrorCode.BAD_REQUEST)];
        }
        const variables = payload.variables ?? {};
        const resolved = options.trusted ? options.trusted.resolve(payload) : { query: payload.query };
        if ("refusal" in resolved) return [refusal(resolved.refusal.message, resolved.refusal.code)];
        const document = checkedDocument(schema, limits, resolved.query, payload.operationName, variables);
        if (!("kind" in document)) return document;
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: variables,
          contextValue: createSubscriptionContext(prisma, viewer, `ws-${ctx.extra.connectionId ?? 0}-${id}`, hub),
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
