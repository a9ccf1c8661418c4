import Negotiator from "negotiator";

const LEGACY_JSON = "application/json";
const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

/**
 * True when a client's Accept header takes `application/json` and not
 * `application/graphql-response+json`: a legacy client. To such a client the GraphQL-over-HTTP
 * spec says a well-formed request is answered 200 even when its document does not parse or
 * validate or its variables do not coerce, the errors being in the body; a client that accepts
 * the newer media type (or anything, or sends no Accept) keeps the 400 that tells it apart.
 */
export function acceptsOnlyLegacyJson(accept: string | null | undefined): boolean {
  if (!accept) return false;
  const accepted = new Negotiator({ headers: { accept } }).mediaTypes([LEGACY_JSON, GRAPHQL_RESPONSE_JSON]);
  return accepted.includes(LEGACY_JSON) && !accepted.includes(GRAPHQL_RESPONSE_JSON) && !/(^|,)\s*\*\/\*/.test(accept);
}
