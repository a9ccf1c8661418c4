import { createHash } from "node:crypto";
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { ErrorCode, withoutSuggestions } from "../graphql/errors.js";
import { MAX_DOCUMENT_LENGTH, operationCost, type queryLimits } from "../graphql/limits.js";
import { nulInputError } from "../graphql/nul-input.js";
import type { LiveHub, SharedDelivery } from "../pubsub/hub.js";

// The operations of the WebSocket endpoint (src/server/websocket.ts): a subscribe message checked
// with the limits of an HTTP request, and its events executed once per role, document and variables.

export function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** An error of parsing or validation with the code Apollo gives it over HTTP, when it has none. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions["code"]) return error;
  return new GraphQLError(error.message, { nodes: error.nodes ?? null, source: error.source ?? null, positions: error.positions ?? null, extensions: { ...error.extensions, code } });
}

/** Parses and validates a subscribe message with the same limits as an HTTP request; errors instead of a document. */
export function checkedDocument(
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
  const nul = nulInputError(document, variables);
  if (nul) return [nul];
  try {
    operationCost(schema, document, variables);
  } catch (error) {
    return [error instanceof GraphQLError ? withCode(error, "GRAPHQL_VALIDATION_FAILED") : refusal("The subscription is too expensive.", "GRAPHQL_VALIDATION_FAILED")];
  }
  return document;
}

/** The error without graphql-js's "Did you mean ...?" suggestions, which name fields, arguments and enum values. */
export function withoutSchemaHints(error: GraphQLError): GraphQLError {
  const message = withoutSuggestions(error.message);
  return message === error.message ? error : new GraphQLError(message, { extensions: error.extensions });
}

/** True when the operation asks for a replay: a `lastEventId` argument with a value (literal or variable). */
export function asksReplay(document: DocumentNode, variables: Readonly<Record<string, unknown>>): boolean {
  let replay = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== "lastEventId") return;
      if (node.value.kind === Kind.VARIABLE) replay ||= variables[node.value.name.value] != null;
      else if (node.value.kind !== Kind.NULL) replay = true;
    },
  });
  return replay;
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
    private readonly admitted: () => Promise<boolean>,
  ) {
    this.source = source[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    const step = await this.source.next();
    if (step.done) return { done: true, value: undefined };
    // Every event is checked against the connection's rights as they are now, not as they were
    // when the subscription started: a revoked or lowered connection gets nothing more.
    if (!(await this.admitted())) return this.return();
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
export async function sharedSubscribe(
  hub: LiveHub,
  args: ExecutionArgs,
  admitted: () => Promise<boolean>,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const context = args.contextValue as GraphQLContext;
  const signature = createHash("sha256")
    .update(JSON.stringify([context.viewer.role, args.operationName ?? null, args.variableValues ?? {}]))
    .update(args.document.loc?.source.body ?? JSON.stringify(args.document))
    .digest("base64url");
  const executeOne = async (payload: unknown): Promise<ExecutionResult> => execute({ ...args, rootValue: payload });
  return new ExecutedStream(
    source,
    (payload) =>
      isSharedDelivery(payload) && payload.shareKey !== null ? hub.shared(`${payload.shareKey}:result:${signature}`, () => executeOne(payload)) : executeOne(payload),
    admitted,
  );
}
