import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Hostile input over real HTTP with real bearer tokens: roles that may not call a mutation, drafts
// probed by id, 1 MB strings, text that must survive byte for byte, and search text that looks
// like SQL or tsquery syntax. Every refusal leaves the stored data as it was; every acceptance is
// stored exactly as sent.

const ARTICLE = `id slug headline dek body version status`;
const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } errors { code field message } } }`;
const UPDATE = `mutation Update($input: UpdateArticleInput!) { updateArticle(input: $input) { article { ${ARTICLE} } errors { code field message } } }`;
const READ = `query Read($id: ID!) { article(id: $id) { ${ARTICLE} } }`;

interface StoredArticle {
  id: string;
  slug: string;
  headline: string | null;
  dek: string | null;
  body: string;
  version: number;
  status: string;
}
type Payload = { article: StoredArticle | null; errors: { code: string; field: string | null; message: string }[] };

let db: TestDatabase;
let server: LoggedServer;
let reporter: string;
let viewer: string;
let publishedId: string;
let draftId: string;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  server = await startLoggedServer(db);
  [reporter, viewer] = await Promise.all([tokenFor(db, "REPORTER"), tokenFor(db, "VIEWER")]);
  const published = await db.prisma.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  publishedId = toGlobalId("Article", published.id);
  const draft = await db.prisma.article.create({ data: { slug: "embargoed-draft", body: "Embargoed until Monday.", bodyHash: "embargo", status: "DRAFT" } });
  draftId = toGlobalId("Article", draft.id);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe("roles", () => {
  it.each([
    ["publishArticle", `mutation($id: ID!) { publishArticle(input: { id: $id, expectedVersion: 1 }) { errors { code } } }`],
    ["deleteArticle", `mutation($id: ID!) { deleteArticle(input: { id: $id, expectedVersion: 1 }) { errors { code } } }`],
    ["retractArticle", `mutation($id: ID!) { retractArticle(input: { id: $id, expectedVersion: 1, reason: "Because." }) { errors { code } } }`],
    ["issueCorrection", `mutation($id: ID!) { issueCorrection(input: { articleId: $id, expectedVersion: 1, text: "Fixed." }) { errors { code } } }`],
    ["createPerson", `mutation { createPerson(input: { name: "Somebody New" }) { errors { code } } }`],
    ["createIncident", `mutation { createIncident(input: { type: attack, summary: "Something." }) { errors { code } } }`],
    ["createUser", `mutation { createUser(input: { name: "mallory", role: ADMIN }) { errors { code } } }`],
  ])("refuses %s to a REPORTER with FORBIDDEN and changes nothing", async (_name, mutation) => {
    const before = await fingerprint(db);
    const response = await post(server.baseUrl, mutation, mutation.includes("$id") ? { id: mutation.includes("articleId") ? publishedId : draftId } : {}, { token: reporter });
    expect(response.status).toBe(200);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(await fingerprint(db)).toBe(before);
  });

  it("does not show a VIEWER (token or anonymous) a draft by node(id) or article(id)", async () => {
    const query = `query($id: ID!) { node(id: $id) { id ... on Article { slug body } } article(id: $id) { slug } }`;
    for (const token of [viewer, undefined]) {
      const response = await post<{ node: unknown; article: unknown }>(server.baseUrl, query, { id: draftId }, { token });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ node: null, article: null });
      expect(response.text).not.toMatch(/Embargoed|embargoed-draft/);
    }
    const reporterView = await post<{ node: { slug: string } | null }>(server.baseUrl, query, { id: draftId }, { token: reporter });
    expect(reporterView.body.data?.node?.slug).toBe("embargoed-draft");
  });
});

describe("1 MB strings", () => {
  // The body limit is 2 MiB so that every string the mutations accept (an article body of up to
  // 500,000 characters) fits; a 1 MB string therefore reaches the mutation, which refuses it by
  // name as INVALID_INPUT and stores nothing.
  const megabyte = "a".repeat(1024 * 1024);

  it.each([
    ["body", { slug: "megabyte-body", body: megabyte }, "input.body"],
    ["headline", { slug: "megabyte-headline", body: "Short.", headline: megabyte }, "input.headline"],
    ["slug", { slug: megabyte, body: "Short." }, "input.slug"],
  ])("refuses a 1 MB %s as INVALID_INPUT naming the field", async (_name, input, field) => {
    const before = await fingerprint(db);
    const response = await post<{ createArticle: Payload }>(server.baseUrl, CREATE, { input }, { token: reporter });
    expect(response.status).toBe(200);
    expect(response.body.data?.createArticle.article).toBeNull();
    expect(response.body.data?.createArticle.errors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field })]);
    expect(await fingerprint(db)).toBe(before);
  });

  it("stores the largest accepted body (500,000 characters, 1.5 MB of UTF-8) byte for byte", async () => {
    const body = "编辑部".repeat(500_000 / 3 - 1) + "end";
    expect(body.length).toBeLessThanOrEqual(500_000);
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_400_000);
    const response = await post<{ createArticle: Payload }>(server.baseUrl, CREATE, { input: { slug: "largest-body", body } }, { token: reporter });
    expect(response.body.data?.createArticle.errors).toEqual([]);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "largest-body" } });
    expect(Buffer.from(stored.body).equals(Buffer.from(body))).toBe(true);
    expect(response.body.data?.createArticle.article?.body).toBe(body);
  });
});

describe("text round-tripped byte for byte", () => {
  const samples = {
    emoji: "Family 👨‍👩‍👧‍👦, flags 🇮🇶🇺🇸, skin tones 👍🏽 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.",
    rtl: "قال المتحدث: «لن نغلق القنصلية» ‏— and then English ‎(mixed)‎ עברית גם.",
    zeroWidth: "zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner and a soft\u00adhyphen",
    combining: "Cafe\u0301 vs Caf\u00e9 (not normalised), Zalgo: Z\u0351\u0352\u0353a\u0354l\u0355g\u0356o",
    controls: "line one\nline two\r\nline\tthree \u2028 separator \u2029 paragraph",
  };

  it.each(Object.entries(samples))("keeps %s text exact through createArticle, updateArticle and a read", async (name, text) => {
    const slug = `round-trip-${name.toLowerCase()}`;
    const created = await post<{ createArticle: Payload }>(server.baseUrl, CREATE, { input: { slug, body: text, headline: text.slice(0, 40), dek: text } }, { token: reporter });
    expect(created.body.data?.createArticle.errors).toEqual([]);
    const article = created.body.data!.createArticle.article!;
    expect(article.body).toBe(text);
    expect(article.dek).toBe(text);

    const changed = `${text} ✂ ${[...text].reverse().join("")}`;
    const updated = await post<{ updateArticle: Payload }>(
      server.baseUrl,
      UPDATE,
      { input: { id: article.id, expectedVersion: article.version, body: changed, dek: changed } },
      { token: reporter },
    );
    expect(updated.body.data?.updateArticle.errors).toEqual([]);

    const read = await post<{ article: StoredArticle }>(server.baseUrl, READ, { id: article.id }, { token: reporter });
    expect(Buffer.from(read.body.data!.article.body).equals(Buffer.from(changed))).toBe(true);
    expect(read.body.data!.article.dek).toBe(changed);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug } });
    expect(Buffer.from(stored.body, "utf8").equals(Buffer.from(changed, "utf8"))).toBe(true);
  });
});

describe("search text that looks like SQL or tsquery", () => {
  it.each([
    "'; DROP TABLE \"Article\"; --",
    "consulate' OR '1'='1",
    "basra & !consulate | (closing:*)",
    "<-> !! :* & | ()",
    '"unterminated phrase',
    "\\' \\\\ %_ $$ $1",
    "-",
    "\u0000",
    "a".repeat(5000),
  ].map((text) => [text.length > 40 ? `${text.slice(0, 10)}... (${text.length} characters)` : text, text] as const))("answers %j without an internal error and changes nothing", async (_label, text) => {
    const before = await fingerprint(db);
    const response = await post<{ search: { totalCount: number | null } }>(server.baseUrl, `query($q: String!) { search(query: $q) { edges { node { __typename } } } }`, { q: text });
    // A NUL is refused for every operation before it runs (src/graphql/nul-input.ts): 400 BAD_USER_INPUT.
    expect(response.status).toBe(text.includes("\u0000") ? 400 : 200);
    const codes = (response.body.errors ?? []).map((error) => error.extensions?.["code"]);
    expect(codes.every((code) => code === "BAD_USER_INPUT")).toBe(true);
    expect(response.text).not.toMatch(/INTERNAL_SERVER_ERROR|syntax error|prisma|SELECT/i);
    expect(await fingerprint(db)).toBe(before);
  });

  it("still finds the story by its words", async () => {
    const response = await post<{ search: { edges: { node: { __typename: string } }[] } }>(server.baseUrl, `{ search(query: "consulate Basra") { edges { node { __typename } } } }`);
    expect(response.body.data?.search.edges.length).toBeGreaterThan(0);
  });
});
