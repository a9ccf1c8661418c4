import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import { emptyTrace, oncePerRequest, requestScope } from "./request-scope.js";

/** Counts expensive operations (mutations, costly queries, replays) against the rate limits. */
export interface RateLimits {
  /** Counts the operation of `request` (per token when it has one, and per address), once however often asked: the seconds to wait when over a limit, else null. */
  count(request: FastifyRequest, tokenId: string | null): Promise<number | null>;
  /** The same for a WebSocket operation from `address`, in the very buckets HTTP requests use. */
  countWebSocket(address: string, tokenId: string | null): Promise<number | null>;
}

/**
 * Rate limits on mutations and expensive queries, one per token and one per client address, both
 * applied in the Apollo plugin (src/server/graphql-server.ts) once the operation is known:
 * fastify's own hook runs before the body is read, when a query cannot be told from a mutation.
 */
export async function registerRateLimits(app: FastifyInstance, settings: Config["rateLimit"]): Promise<RateLimits> {
  await app.register(fastifyRateLimit, { global: false });
  const timeWindow = settings.windowSeconds * 1000;
  const perToken = app.createRateLimit({
    max: settings.perToken,
    timeWindow,
    keyGenerator: (request) => `token:${requestScope.getStore()?.trace.tokenId ?? request.ip}`,
  });
  const perIp = app.createRateLimit({ max: settings.perIp, timeWindow, keyGenerator: (request) => `ip:${request.ip}` });

  const countNow = async (request: FastifyRequest, tokenId: string | null): Promise<number | null> => {
    for (const limiter of tokenId ? [perToken, perIp] : [perIp]) {
      const limit = await limiter(request);
      if (!limit.isAllowed && limit.isExceeded) return Math.max(1, limit.ttlInSeconds);
    }
    return null;
  };
  // One HTTP request is one operation, counted once: the SQL lane counts an expensive query and,
  // when it is over a limit, leaves the request to Apollo, whose guard must get the same verdict
  // without counting it again.
  const count = oncePerRequest(countNow);
  return {
    count,
    countWebSocket: async (address, tokenId) => {
      // @fastify/rate-limit's limiters take a request but read only its address (through the key
      // generators above) and its route's rate-limit settings (none here): a WebSocket
      // operation passes those two, so a replay counts in the very buckets HTTP requests do.
      const scoped = { ip: address, routeOptions: { config: {} } } as unknown as FastifyRequest;
      return requestScope.run({ request: scoped, trace: { ...emptyTrace("subscription"), tokenId } }, () => countNow(scoped, tokenId));
    },
  };
}
