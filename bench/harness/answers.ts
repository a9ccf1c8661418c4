/**
 * Same answers before timing: each operation sent once to copydesk and once to L1 (and to L2 and
 * the PostGraphile peer when they have it), copydesk's `data` deep-equal to L1's and L2's bodies
 * and to PostGraphile's `data`; and the data the workloads refer to, found through copydesk.
 * Used by the harness and by tests/bench/baselines.test.ts.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isDeepStrictEqual } from "node:util";
import { headersFor, requestFor, tokenFor, type Tokens } from "./load.js";
import type { ArticleLease, Fixture, Operation, TargetName } from "./workloads.js";

/** Sends one request of an operation to a target and returns its status and text. */
export async function sendOnce(url: string, target: TargetName, operation: Operation, tokens: Tokens, lease: ArticleLease | null = null): Promise<{ status: number; text: string }> {
  const shape = requestFor(target, operation, lease);
  const headers = headersFor(tokenFor(target, operation), tokens);
  const response = await fetch(`${url}${shape.path}`, { method: shape.method, headers, ...(shape.body === undefined ? {} : { body: shape.body }) });
  return { status: response.status, text: await response.text() };
}

/** The `data` of a GraphQL server's successful answer (copydesk's unless `server` says); throws with the errors otherwise. */
export function dataOf(name: string, answer: { status: number; text: string }, server = "copydesk"): unknown {
  const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: unknown };
  if (answer.status !== 200 || parsed.errors) throw new Error(`${name}: ${server} answered ${answer.status} ${answer.text.slice(0, 500)}`);
  return parsed.data;
}

/** The first path at which copydesk's JSON value and a baseline's differ, for a readable failure. */
export function firstDifference(a: unknown, b: unknown, baseline = "L1", at = "$"): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${at}: copydesk ${JSON.stringify(a)?.slice(0, 200)} vs ${baseline} ${JSON.stringify(b)?.slice(0, 200)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], baseline, `${at}.${key}`);
    if (found) return found;
  }
  return `${at}: differs`;
}

/** Asks copydesk a GraphQL question with a token and returns `data`. */
async function askCopydesk(copydeskUrl: string, query: string, variables: Record<string, unknown>, token: string): Promise<unknown> {
  const response = await fetch(`${copydeskUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return dataOf("fixture", { status: response.status, text: await response.text() });
}

const OLDEST_ARTICLES = `query Oldest($first: Int) { articles(first: $first, filter: { status: [PUBLISHED] }, orderBy: { field: PUBLISHED_AT, direction: ASC }) { edges { node { id version } } } }`;
type OldestArticles = { articles: { edges: { node: { id: string; version: number } }[] } };

/** Finds the data the workloads use: the example story, M1's articles (oldest first, away from Q2's page), Q3's second page. */
export async function findFixture(copydeskUrl: string, tokens: Tokens, articles: number, connections: number): Promise<Fixture> {
  const oldest = (await askCopydesk(copydeskUrl, OLDEST_ARTICLES, { first: Math.min(100, connections * 5) }, tokens.editor)) as OldestArticles;
  // Pages of 20 on the full corpus (about 80 matching incidents); the small embedded corpus has a tenth of that.
  const q3 = { types: ["attack", "armed_clash"], from: "2017-01-01", to: "2018-12-31", first: articles >= 1000 ? 20 : 5 };
  const page1 = (await askCopydesk(
    copydeskUrl,
    `query Page($filter: IncidentFilter, $first: Int) { incidents(filter: $filter, first: $first) { pageInfo { hasNextPage endCursor } } }`,
    { filter: { type: q3.types, from: q3.from, to: q3.to }, first: q3.first },
    tokens.viewer,
  )) as { incidents: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  if (!page1.incidents.pageInfo.hasNextPage || !page1.incidents.pageInfo.endCursor) throw new Error("Q3's filter has no second page on this corpus");
  const editable = oldest.articles.edges.map(({ node }) => ({ id: node.id, version: node.version, edits: 0 }));
  if (editable.length < connections) throw new Error(`only ${editable.length} published articles to edit for ${connections} connections`);
  return {
    slug: "basra-consulate-2018",
    q3: { ...q3, page2Cursor: page1.incidents.pageInfo.endCursor },
    searchText: "dangerous escalation",
    editable,
  };
}

/**
 * Reads the current version of every article M1 edits: a series ends with edits in flight whose
 * answers autocannon never reports, so the versions the harness holds can be behind.
 */
export async function refreshVersions(copydeskUrl: string, tokens: Tokens, leases: readonly ArticleLease[]): Promise<void> {
  // The server may still be committing the edits whose connections autocannon dropped at the end.
  await sleep(500);
  const oldest = (await askCopydesk(copydeskUrl, OLDEST_ARTICLES, { first: leases.length }, tokens.editor)) as OldestArticles;
  const versions = new Map(oldest.articles.edges.map(({ node }) => [node.id, node.version]));
  for (const lease of leases) lease.version = versions.get(lease.id) ?? lease.version;
}

/**
 * Sends a read to copydesk, to L1, to L2 (served by L1's process) when the operation has it, and
 * to the PostGraphile peer when it runs (`postgraphileUrl`) and the operation has it, and throws
 * unless every answer equals copydesk's `data`; returns copydesk's response text.
 */
export async function compareRead(copydeskUrl: string, l1Url: string, operation: Operation, tokens: Tokens, postgraphileUrl: string | null = null): Promise<string> {
  const answer = await sendOnce(copydeskUrl, "copydesk", operation, tokens);
  const data = dataOf(operation.name, answer);
  for (const baseline of operation.l2 ? (["L1", "L2"] as const) : (["L1"] as const)) {
    const fromBaseline = await sendOnce(l1Url, baseline, operation, tokens);
    if (fromBaseline.status !== 200) throw new Error(`${operation.name}: ${baseline} answered ${fromBaseline.status} ${fromBaseline.text.slice(0, 500)}`);
    const difference = firstDifference(data, JSON.parse(fromBaseline.text), baseline);
    if (difference) throw new Error(`${operation.name}: copydesk and ${baseline} disagree at ${difference}`);
  }
  if (postgraphileUrl && operation.postgraphile) {
    const fromPeer = dataOf(operation.name, await sendOnce(postgraphileUrl, "PostGraphile", operation, tokens), "PostGraphile");
    const difference = firstDifference(data, fromPeer, "PostGraphile");
    if (difference) throw new Error(`${operation.name}: copydesk and PostGraphile disagree at ${difference}`);
  }
  return answer.text;
}

type EditAnswer = { updateArticle: { article: { id: string; version: number; byline: string } | null; errors: unknown[] } };

/**
 * Makes the same edit through copydesk, then through L1 (one version later), and throws unless
 * both succeed and answer alike once the version is set aside; returns copydesk's response text.
 * The lease's version follows the two edits.
 */
export async function compareEdit(copydeskUrl: string, l1Url: string, operation: Operation, tokens: Tokens, lease: ArticleLease): Promise<string> {
  const first = await sendOnce(copydeskUrl, "copydesk", operation, tokens, lease);
  const edited = dataOf(operation.name, first) as EditAnswer;
  if (!edited.updateArticle.article || edited.updateArticle.article.version !== lease.version + 1) throw new Error(`${operation.name}: copydesk answered ${first.text}`);
  lease.version += 1;
  const second = await sendOnce(l1Url, "L1", operation, tokens, lease);
  const fromL1 = JSON.parse(second.text) as EditAnswer;
  if (!fromL1.updateArticle?.article || fromL1.updateArticle.article.version !== lease.version + 1) throw new Error(`${operation.name}: L1 answered ${second.text}`);
  lease.version += 1;
  const difference = firstDifference(
    { ...edited.updateArticle, article: { ...edited.updateArticle.article, version: 0 } },
    { ...fromL1.updateArticle, article: { ...fromL1.updateArticle.article, version: 0 } },
  );
  if (difference) throw new Error(`${operation.name}: copydesk and L1 disagree at ${difference}`);
  return first.text;
}

/** Reads one article's current version from copydesk (after an edit of it failed under load). */
export async function refreshVersion(copydeskUrl: string, tokens: Tokens, lease: ArticleLease): Promise<void> {
  const answer = (await askCopydesk(copydeskUrl, `query Version($id: ID!) { article(id: $id) { version } }`, { id: lease.id }, tokens.editor)) as { article: { version: number } | null };
  if (answer.article) lease.version = answer.article.version;
}
