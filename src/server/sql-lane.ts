import type { FastifyRequest } from "fastify";
import { getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationRule } from "graphql";
import Negotiator from "negotiator";
import type { Actor } from "../core/actor.js";
import type { SqlAnswerer } from "../graphql/answer.js";
import type { GraphQLContext } from "../graphql/context.js";
import { EXPENSIVE_QUERY_COST, operationCost } from "../graphql/limits.js";
import { nulInputError } from "../graphql/nul-input.js";
import type { RateLimits } from "./rate-limits.js";
import type { GraphQLRequestTrace } from "./request-scope.js";

/**
 * The SQL lane of /graphql: a POSTed query that the read graph answers in ONE statement
 * (src/graphql/answer.ts) is answered here, without Apollo's request pipeline (its request and
 * response objects, header maps, plugin hooks and their promises), which cost Q1 (one article)
 * about a tenth of its server CPU per request (bench/results/ab-sql-lane.md). The answer is the
 * one Apollo would send, byte for byte: the same parsing and validation rules, the same guard
 * (NUL characters, cost), the same viewer, the same SqlAnswerer, the same media type and body.
 *
 * The lane takes only the plain case and gives every other request back to Apollo untouched (it
 * returns null): GET, extensions (persisted queries), a document that does not parse or
 * validate, a mutation or subscription, an unknown operation name, variables that are not an
 * object, NUL characters, a cost over the limit, an expensive query over the rate limits, a token
 * that does not authenticate, an Accept header Apollo would answer with anything but JSON, and any query the
 * SqlAnswerer declines. So every error, status and refusal stays Apollo's, and the log line is
 * the same. tests/http/sql-lane.test.ts compares the two paths' answers.
 */
export interface SqlLaneOptions {
  readonly schema: GraphQLSchema;
  readonly answerer: SqlAnswerer;
  /** Apollo's own parse options and validation rules (src/graphql/limits.ts). */
  readonly parseOptions: ParseOptions;
  readonly validationRules: readonly ValidationRule[];
  /** The request's viewer, shared with Apollo's context function (one token lookup per request whichever path answers). */
  readonly viewerOf: (request: FastifyRequest) => Promise<Actor>;
  /** Counts an expensive query against the rate limits, once per request (Apollo's guard then gets the same verdict). */
  readonly countExpensive: RateLimits["count"];
  readonly contextFor: (request: FastifyRequest, viewer: Actor) => GraphQLContext;
}

/** What the lane sends: the body and its media type (the status is 200). */
export interface LaneAnswer {
  readonly body: string;
  readonly contentType: string;
}

/** Media types of a single GraphQL result, as Apollo names them (its MEDIA_TYPES). */
const APPLICATION_JSON = "application/json; charset=utf-8";
const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";
/** Apollo's candidates in its order; the third (HTTP callbacks) is not the lane's to send. */
const CANDIDATE_MEDIA_TYPES = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, "application/json; callbackSpec=1.0; charset=utf-8"];

/** Documents remembered, by total characters: the texts clients repeat are few and short. */
const KNOWN_DOCUMENT_CHARACTERS = 1024 * 1024;
/** Accept headers whose media type is remembered (clients send a handful). */
const KNOWN_ACCEPT_HEADERS = 64;

export class SqlLane {
  /** Parsed and validated documents by text; null for a text that does not parse or validate (Apollo reports it). */
  private readonly documents = new Map<string, DocumentNode | null>();
  private documentCharacters = 0;
  private readonly mediaTypes = new Map<string, string | null>();
  private readonly rules: readonly ValidationRule[];

  constructor(private readonly options: SqlLaneOptions) {
    this.rules = [...specifiedRules, ...options.validationRules];
  }

  /** The answer of a request the lane can give, or null to leave the request to Apollo. */
  async answer(request: FastifyRequest, payload: unknown, trace: GraphQLRequestTrace): Promise<LaneAnswer | null> {
    if (request.method !== "POST" || !isJsonContent(request.headers["content-type"])) return null;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload) || "extensions" in payload) return null;
    const { query, operationName, variables = {} } = payload as Record<string, unknown>;
    if (typeof query !== "string" || (operationName !== undefined && operationName !== null && typeof operationName !== "string")) return null;
    if (typeof variables !== "object" || Array.isArray(variables)) return null;
    const contentType = this.mediaTypeFor(request.headers.accept);
    if (contentType === null) return null;
    const document = this.documentOf(query);
    const operation = document && getOperationAST(document, operationName ?? undefined);
    if (!document || !operation || operation.operation !== "query") return null;
    const values = (variables ?? {}) as Record<string, unknown>;
    if (nulInputError(document, values)) return null;
    let cost: number;
    try {
      cost = operationCost(this.options.schema, document, values);
    } catch {
      return null; // over the cost limit: Apollo's guard refuses it
    }
    let viewer: Actor;
    try {
      viewer = await this.options.viewerOf(request);
    } catch {
      return null; // Apollo's context function reports it (401, or 503 when the database is down)
    }
    trace.tokenId = viewer.tokenId; // the per-token rate limit's key
    // Over a limit: Apollo's guard, given the same verdict, answers RATE_LIMITED.
    if (cost >= EXPENSIVE_QUERY_COST && (await this.options.countExpensive(request, viewer.tokenId)) !== null) return null;
    const result = await this.options.answerer.answer(document, operationName ?? undefined, values, this.options.contextFor(request, viewer));
    if (!result) return null;
    trace.operationName = operation.name?.value ?? null;
    trace.operationType = operation.operation;
    trace.cost = cost;
    trace.answeredInSql = true;
    // Apollo's body for a result with data alone: the JSON and a newline.
    return { body: `${JSON.stringify({ data: result.data ?? null })}\n`, contentType };
  }

  /** The document of a text, parsed and validated as Apollo does (its parse options and rules); null when either fails. */
  private documentOf(text: string): DocumentNode | null {
    const known = this.documents.get(text);
    if (known !== undefined) return known;
    let document: DocumentNode | null = null;
    try {
      const parsed = parse(text, this.options.parseOptions);
      if (validate(this.options.schema, parsed, this.rules).length === 0) document = parsed;
    } catch {
      document = null;
    }
    while (this.documents.size > 0 && this.documentCharacters + text.length > KNOWN_DOCUMENT_CHARACTERS) {
      const oldest = this.documents.keys().next().value ?? "";
      this.documents.delete(oldest);
      this.documentCharacters -= oldest.length;
    }
    this.documents.set(text, document);
    this.documentCharacters += text.length;
    return document;
  }

  /**
   * The media type Apollo gives a single result for this Accept header: JSON when there is none,
   * else the candidate Negotiator prefers. Null (Apollo answers) when that is the HTTP-callback
   * type or none is acceptable (Apollo's 406).
   */
  private mediaTypeFor(accept: string | undefined): string | null {
    if (!accept) return APPLICATION_JSON;
    let chosen = this.mediaTypes.get(accept);
    if (chosen === undefined) {
      const preferred = new Negotiator({ headers: { accept } }).mediaType(CANDIDATE_MEDIA_TYPES);
      chosen = preferred === APPLICATION_JSON || preferred === GRAPHQL_RESPONSE_JSON ? preferred : null;
      if (this.mediaTypes.size >= KNOWN_ACCEPT_HEADERS) this.mediaTypes.clear();
      this.mediaTypes.set(accept, chosen);
    }
    return chosen;
  }
}

/** Whether a Content-Type is JSON (`application/json`, any parameters), the only body the lane reads. */
function isJsonContent(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(";", 1)[0]?.trim().toLowerCase();
  return essence === "application/json";
}
