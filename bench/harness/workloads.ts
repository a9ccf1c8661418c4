/**
 * The workload registry: what the benchmark sends, to which servers, and what it must achieve.
 * An operation is one request, written once for copydesk (GraphQL) and once for the L1 baseline
 * (a route of bench/baselines/l1.ts); a workload is a cycle of operations sent by every
 * connection. Measurements that are not HTTP load (re-anchoring, and later ingest throughput and
 * subscription fan-out) register in MEASUREMENTS (see bench/harness/measurements.ts).
 */

/**
 * The servers a workload can be sent to (L2 is a route of L1's process, see bench/baselines/l1.ts;
 * PostGraphile is the peer of bench/peer/, on the PostgreSQL server only).
 */
export type TargetName = "copydesk" | "L1" | "L2" | "L0" | "PostGraphile";

/** The targets that answer GraphQL: a 200 from them may still carry `errors`, which is a failure. */
export const GRAPHQL_TARGETS: ReadonlySet<TargetName> = new Set<TargetName>(["copydesk", "PostGraphile"]);

/** Which bearer token an operation carries. */
export type TokenKind = "viewer" | "editor" | "none";

/** The data the operations refer to, found in the corpus before timing (see fixtures in run.ts). */
export interface Fixture {
  readonly slug: string;
  readonly q3: { readonly types: readonly string[]; readonly from: string; readonly to: string; readonly first: number; readonly page2Cursor: string };
  readonly searchText: string;
  /** Articles M1 edits, one per connection (never the ones Q2 lists, so reads stay the same). */
  readonly editable: readonly ArticleLease[];
}

/** An article M1 may edit, with the version the next edit must name (updated from each answer). */
export interface ArticleLease {
  readonly id: string;
  version: number;
  edits: number;
}

/** One HTTP request as a target sees it. */
export interface RequestShape {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly body?: string;
}

/** One request of a workload, for copydesk and for L1. */
export interface Operation {
  readonly name: string;
  readonly token: TokenKind;
  /** True for an edit: it needs an article lease, and its answer carries the new version. */
  readonly write: boolean;
  /** The GraphQL request (query and variables). */
  graphql(lease: ArticleLease | null): { query: string; variables?: Record<string, unknown> };
  /** The same request for L1; null when L1 has no counterpart (the malicious query). */
  l1(lease: ArticleLease | null): RequestShape | null;
  /** The same request for L2 (PostgreSQL builds the answer), when L2 has it. */
  l2?(lease: ArticleLease | null): RequestShape;
  /**
   * The same question as a GraphQL request to PostGraphile over bench/peer/views.sql, when the peer
   * has it: aliased so that its `data` has copydesk's shape (the same-answer check compares them).
   */
  postgraphile?(): { query: string; variables?: Record<string, unknown> };
}

/** A target a workload is measured against, with the answers it must give. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  /** The operations each connection sends in turn. */
  readonly cycle: readonly Operation[];
  readonly targets: readonly TargetName[];
  /** The HTTP status every response must have. */
  readonly expectStatus: number;
  /** The targets for this workload, checked against the copydesk medians. */
  readonly targetChecks: readonly TargetCheck[];
}

/** One of the targets, as a check on a workload's summary. */
export interface TargetCheck {
  readonly label: string;
  readonly metric: "ratioToL1" | "ratioToL2" | "ratioToPostGraphile" | "p99Ms" | "statementsPerRequest" | "serverP99Ms";
  readonly max?: number;
  readonly min?: number;
}

const BYLINES = ["Bench desk (even edit)", "Bench desk (odd edit)"];

/** Each operation as one GraphQL document for copydesk and one route for L1. */
export function operations(fixture: Fixture) {
  const q3Base = { type: fixture.q3.types, from: fixture.q3.from, to: fixture.q3.to };
  const q3Query = `query Incidents($filter: IncidentFilter, $first: Int, $after: String) {
    incidents(filter: $filter, first: $first, after: $after) {
      totalCount edges { node { type date fatalities { min max } place { name } } } pageInfo { hasNextPage endCursor } } }`;
  const q3L1 = (after: string | null): RequestShape => ({
    method: "GET",
    path: `/q3?${new URLSearchParams({ types: q3Base.type.join(","), from: q3Base.from, to: q3Base.to, first: String(fixture.q3.first), ...(after ? { after } : {}) })}`,
  });
  const read = (name: string, graphql: Operation["graphql"], l1: Operation["l1"]): Operation => ({ name, token: "viewer", write: false, graphql, l1 });
  return {
    Q1: read(
      "Q1",
      () => ({ query: `query Article($slug: String!) { article(slug: $slug) { id slug headline displayTitle publishedAt status } }`, variables: { slug: fixture.slug } }),
      () => ({ method: "GET", path: `/q1?slug=${encodeURIComponent(fixture.slug)}` }),
    ),
    Q2: q2Operation(20),
    Q3p1: read(
      "Q3 page 1",
      () => ({ query: q3Query, variables: { filter: q3Base, first: fixture.q3.first } }),
      () => q3L1(null),
    ),
    Q3p2: read(
      "Q3 page 2",
      () => ({ query: q3Query, variables: { filter: q3Base, first: fixture.q3.first, after: fixture.q3.page2Cursor } }),
      () => q3L1(fixture.q3.page2Cursor),
    ),
    Q4: read(
      "Q4",
      () => ({ query: `query Search($query: String!) { search(query: $query, first: 20) { edges { node { rank snippet item { __typename } } } } }`, variables: { query: fixture.searchText } }),
      () => ({ method: "GET", path: `/q4?${new URLSearchParams({ query: fixture.searchText, first: "20" })}` }),
    ),
    M1: {
      name: "M1",
      token: "editor",
      write: true,
      graphql: (lease) => ({
        query: `mutation Edit($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version byline } errors { code } } }`,
        variables: { input: { id: lease?.id, expectedVersion: lease?.version, byline: BYLINES[(lease?.edits ?? 0) % 2] } },
      }),
      l1: (lease) => ({ method: "POST", path: "/m1", body: JSON.stringify({ id: lease?.id, expectedVersion: lease?.version, byline: BYLINES[(lease?.edits ?? 0) % 2] }) }),
    },
    // Three nested lists of 100 (articles, their quotes, each quote's article's quotes): a cost
    // of about a million, refused before execution by src/graphql/limits.ts. Sent without a
    // token, as an attacker would (a token adds its lookup, which runs before validation).
    malicious: {
      name: "over-limit query",
      token: "none",
      write: false,
      graphql: () => ({
        query: `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { article { quotes(first: 100) { edges { node { text } } } } } } } } } } }`,
      }),
      l1: () => null,
    },
  } satisfies Record<string, Operation>;
}

/** Q2, the dashboard query, at a page size (the statement count must not grow with it). */
export function q2Operation(first: number): Operation {
  return {
    name: `Q2 first ${first}`,
    token: "viewer",
    write: false,
    graphql: () => ({
      query: `query Dashboard($first: Int) { articles(first: $first) { edges { node { slug displayTitle
        quotes(first: 5) { edges { node { text speaker { name } } } }
        incidents { edges { node { type place { name } } } } } } } }`,
      variables: { first },
    }),
    l1: () => ({ method: "GET", path: `/q2?first=${first}&quotes=5` }),
    l2: () => ({ method: "GET", path: `/l2/q2?first=${first}&quotes=5` }),
    // The views apply the anonymous/VIEWER visibility; the orderings are copydesk's, with NULLS
    // LAST from the peer's preset (pgOrderByNullsLast), the incidents' page its default of 20.
    postgraphile: () => ({
      query: `query Dashboard($first: Int) { articles: allArticles(first: $first, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) { edges { node { slug displayTitle
        quotes(first: 5, orderBy: [START_ASC, ROW_ID_ASC]) { edges { node { text speaker { name } } } }
        incidents(first: 20, orderBy: [DATE_DESC, DATE_EARLIEST_DESC, ROW_ID_DESC]) { edges { node { type place { name } } } } } } } }`,
      variables: { first },
    }),
  };
}

/** The read-path issue's targets per workload (checked on copydesk's medians, see evaluateChecks in report.ts). */
export const TARGET_CHECKS: Readonly<Record<string, readonly TargetCheck[]>> = {
  Q1: [{ label: ">= 0.6x L1 req/s", metric: "ratioToL1", min: 0.6 }],
  Q2: [
    { label: ">= 1.0x PostGraphile req/s", metric: "ratioToPostGraphile", min: 1 },
    { label: ">= 0.8x L2 req/s", metric: "ratioToL2", min: 0.8 },
    { label: "<= 2 SQL statements at page sizes 1, 20, 100", metric: "statementsPerRequest", max: 2 },
    { label: "p99 <= 50 ms", metric: "p99Ms", max: 50 },
  ],
  Q3: [{ label: "p99 <= 20 ms", metric: "p99Ms", max: 20 }],
  Q4: [],
  M1: [{ label: "p99 <= 25 ms", metric: "p99Ms", max: 25 }],
  MIX: [],
  EVIL: [
    { label: "refused in <= 1 ms (server p99)", metric: "serverP99Ms", max: 1 },
    { label: "0 SQL statements", metric: "statementsPerRequest", max: 0 },
  ],
};

/** The workloads of the issue, in the order they run. */
export function workloads(fixture: Fixture): Workload[] {
  const op = operations(fixture);
  const reads: Pick<Workload, "targets" | "expectStatus"> = { targets: ["copydesk", "L1", "L0"], expectStatus: 200 };
  return [
    {
      id: "Q1",
      title: "article(slug), scalars only",
      cycle: [op.Q1],
      ...reads,
      targetChecks: TARGET_CHECKS["Q1"] ?? [],
    },
    {
      id: "Q2",
      title: "dashboard: articles(first: 20) with quotes(first: 5) + speakers, incidents + places",
      cycle: [op.Q2],
      ...reads,
      // PostGraphile only where the harness runs it (the PostgreSQL server, see main.ts).
      targets: ["copydesk", "PostGraphile", "L1", "L2", "L0"],
      targetChecks: TARGET_CHECKS["Q2"] ?? [],
    },
    {
      id: "Q3",
      title: "incidents by type and date range, pages 1 and 2 in turn (with totalCount)",
      cycle: [op.Q3p1, op.Q3p2],
      ...reads,
      // L0 is the HTTP ceiling: measured with Q1's small answer and Q2's 12 KB one, enough.
      targets: ["copydesk", "L1"],
      targetChecks: TARGET_CHECKS["Q3"] ?? [],
    },
    {
      id: "Q4",
      title: "full-text search, 20 hits with snippets",
      cycle: [op.Q4],
      ...reads,
      targets: ["copydesk", "L1"],
      targetChecks: TARGET_CHECKS["Q4"] ?? [],
    },
    {
      id: "M1",
      title: "updateArticle(byline) with expectedVersion, audit event included",
      cycle: [op.M1],
      targets: ["copydesk", "L1"],
      expectStatus: 200,
      targetChecks: TARGET_CHECKS["M1"] ?? [],
    },
    {
      id: "MIX",
      title: "90/10 read/write: Q1 Q2 Q3 Q4 Q1 Q2 Q3 Q1 Q3 then M1, per connection",
      cycle: [op.Q1, op.Q2, op.Q3p1, op.Q4, op.Q1, op.Q2, op.Q3p2, op.Q1, op.Q3p1, op.M1],
      targets: ["copydesk", "L1"],
      expectStatus: 200,
      targetChecks: TARGET_CHECKS["MIX"] ?? [],
    },
    {
      id: "EVIL",
      title: "over-limit query (cost ~1M), no token: must be refused",
      cycle: [op.malicious],
      targets: ["copydesk"],
      expectStatus: 400,
      targetChecks: TARGET_CHECKS["EVIL"] ?? [],
    },
  ];
}
