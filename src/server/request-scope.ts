import { AsyncLocalStorage } from "node:async_hooks";
import type { FastifyRequest } from "fastify";

/** What the request log line says about one GraphQL request, filled in as the request goes. */
export interface GraphQLRequestTrace {
  operationName: string | null;
  operationType: string | null;
  tokenId: string | null;
  cost: number | null;
  /** True when a compiled query (graphql-jit, src/graphql/jit.ts) gave the answer. */
  compiled: boolean;
  /** True when the query was answered from SQL alone (src/graphql/answer.ts). */
  answeredInSql: boolean;
}

/** The fastify request being answered and its log line, for the Apollo hooks that run inside it. */
export interface RequestScope {
  readonly request: FastifyRequest;
  readonly trace: GraphQLRequestTrace;
}

/** A trace with nothing known yet. */
export function emptyTrace(operationType: string | null = null): GraphQLRequestTrace {
  return { operationName: null, operationType, tokenId: null, cost: null, compiled: false, answeredInSql: false };
}

// Apollo hooks and formatError see a copy of the GraphQL context, not the fastify request: the
// /graphql route opens this scope around each request so they can find it (and its id).
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * `compute` run at most once per request: later calls for the same request get the first call's
 * promise (its other arguments are the first call's too). For what the SQL lane and Apollo's path
 * may both ask of one request: its viewer, its rate-limit verdict.
 */
export function oncePerRequest<T, A extends unknown[]>(compute: (request: FastifyRequest, ...args: A) => Promise<T>): (request: FastifyRequest, ...args: A) => Promise<T> {
  const results = new WeakMap<FastifyRequest, Promise<T>>();
  return (request, ...args) => {
    let result = results.get(request);
    if (!result) {
      result = compute(request, ...args);
      results.set(request, result);
    }
    return result;
  };
}
