// The fields Google's fact-check rich result (ClaimReview markup) needs, checked on a document as
// JSON (the compacted JSON-LD form). The one list of them: ClaimReview.jsonLd is null whenever
// this finds a problem, and the tests run it on the documents after a JSON-LD round trip.

/** A JSON object (or nothing) read from a document. */
type JsonObject = Readonly<Record<string, unknown>>;

/** The object at `value`, or the first of a list of objects. */
function objectOf(value: unknown): JsonObject | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === "object" && first !== null && !Array.isArray(first) ? (first as JsonObject) : undefined;
}

/** True for a non-empty string. */
function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/** True for an absolute http(s) URL. */
function isHttpUrl(value: unknown): boolean {
  if (!isText(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** True for a date or date-time schema.org accepts (ISO 8601). */
function isIsoDate(value: unknown): boolean {
  return isText(value) && /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** True when `value` is a number (or numeric text, which JSON-LD may hand back). */
function numberOf(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : isText(value) ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** Whether a node's @type is (or includes) `type`. */
function hasType(value: JsonObject | undefined, type: string): boolean {
  const types = value?.["@type"] ?? value?.["type"];
  return Array.isArray(types) ? types.includes(type) : types === type;
}

/** Problems with an author (a Person or Organization with a name), prefixed by its path. */
function agentProblems(value: unknown, path: string): string[] {
  const agent = objectOf(value);
  if (!agent) return [`${path} is missing`];
  const problems: string[] = [];
  if (!hasType(agent, "Person") && !hasType(agent, "Organization")) problems.push(`${path} must be a Person or an Organization`);
  if (!isText(agent["name"])) problems.push(`${path}.name is missing`);
  return problems;
}

/**
 * What a ClaimReview document lacks for Google's fact-check markup, as paths with a reason
 * (empty: nothing). Required: `claimReviewed`, `url`, `author` (Person or Organization with a
 * name), `reviewRating` with `alternateName` (the text Google shows) and, for a rating on a
 * numeric scale, `ratingValue` between `worstRating` and `bestRating`; `itemReviewed` a Claim with
 * an `author`, a `datePublished` and an `appearance` (or `firstAppearance`) with a URL.
 */
export function factCheckProblems(document: unknown): string[] {
  const review = objectOf(document);
  if (!review || !hasType(review, "ClaimReview")) return ["document is not a ClaimReview"];
  const problems: string[] = [];
  if (!isText(review["claimReviewed"])) problems.push("claimReviewed is missing");
  if (!isHttpUrl(review["url"])) problems.push("url is missing or not an http(s) URL");
  problems.push(...agentProblems(review["author"], "author"));
  if (review["datePublished"] !== undefined && !isIsoDate(review["datePublished"])) problems.push("datePublished is not an ISO 8601 date");

  const rating = objectOf(review["reviewRating"]);
  if (!rating || !hasType(rating, "Rating")) {
    problems.push("reviewRating is missing or not a Rating");
  } else {
    if (!isText(rating["alternateName"])) problems.push("reviewRating.alternateName is missing");
    const [value, best, worst] = [rating["ratingValue"], rating["bestRating"], rating["worstRating"]].map(numberOf);
    const numeric = [rating["ratingValue"], rating["bestRating"], rating["worstRating"]].some((field) => field !== undefined);
    // A rating with no place on a numeric scale ("Unproven") is text only, which Google shows as is.
    if (numeric) {
      if (value === undefined) problems.push("reviewRating.ratingValue is missing");
      if (best === undefined) problems.push("reviewRating.bestRating is missing");
      if (worst === undefined) problems.push("reviewRating.worstRating is missing");
      if (value !== undefined && best !== undefined && worst !== undefined && (worst > best || value < worst || value > best)) {
        problems.push("reviewRating.ratingValue is not between worstRating and bestRating");
      }
    }
  }

  const claim = objectOf(review["itemReviewed"]);
  if (!claim || !hasType(claim, "Claim")) {
    problems.push("itemReviewed is missing or not a Claim");
  } else {
    problems.push(...agentProblems(claim["author"], "itemReviewed.author"));
    if (!isIsoDate(claim["datePublished"])) problems.push("itemReviewed.datePublished is missing or not an ISO 8601 date");
    const appearances = [claim["appearance"], claim["firstAppearance"]].flatMap((value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]));
    if (!appearances.some((appearance) => isHttpUrl(objectOf(appearance)?.["url"]))) {
      problems.push("itemReviewed.appearance is missing or has no URL");
    }
  }
  return problems;
}
