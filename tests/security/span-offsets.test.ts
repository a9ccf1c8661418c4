import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Issue 21, item 5: span offsets are UTF-16 code units, so an offset can fall between the two
// halves of an astral character (an emoji). Such a span's text holds half a character, which
// PostgreSQL cannot store: it became U+FFFD, and every later body edit failed re-anchoring it
// (22P02 writing the audit JSON). Every span input goes through one check (resolveSelector), and
// a span stored before the check can no longer block an edit.

const BODY = "Smile 😀 now, wave 👋🏽 later, and the story goes on without emoji.";
const SMILE = BODY.indexOf("😀"); // 6: the pair is 6..8, so 7 is inside it.
const WAVE = BODY.indexOf("👋"); // the wave and its skin tone are two pairs.

const CREATE_QUOTE = `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { text } errors { code field message } } }`;
const CREATE_ANNOTATION = `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } errors { code field message } } }`;
const CREATE_CLAIM = `mutation($input: CreateClaimReviewInput!) { createClaimReview(input: $input) { claimReview { claim } errors { code field message } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { version body } errors { code field message } } }`;

type Payload = { errors: { code: string; field: string | null; message: string }[] } & Record<string, unknown>;

let db: TestDatabase;
let server: LoggedServer;
let reporter: string;
let editor: string;
let articleId: string;
let rawArticleId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startLoggedServer(db);
  [reporter, editor] = await Promise.all([tokenFor(db, "REPORTER"), tokenFor(db, "EDITOR")]);
  const article = await db.prisma.article.create({ data: { slug: "emoji-spans", body: BODY, bodyHash: "e", status: "PUBLISHED" } });
  rawArticleId = article.id;
  articleId = toGlobalId("Article", article.id);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

async function mutate(query: string, input: Record<string, unknown>, token = reporter): Promise<Payload> {
  const response = await post<Record<string, Payload>>(server.baseUrl, query, { input }, { token });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return Object.values(response.body.data ?? {})[0] as Payload;
}

describe("span offsets on whole characters", () => {
  it("refuses a quote, an annotation or a claim whose start or end falls inside a surrogate pair, naming the offset, and stores nothing", async () => {
    const before = await fingerprint(db);
    const quote = await mutate(CREATE_QUOTE, { articleId, kind: "DIRECT", selector: { start: SMILE + 1, end: SMILE + 6 } }, editor);
    expect(quote.errors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "input.selector.start" })]);
    expect(quote.errors[0]?.message).toMatch(/surrogate pair/);
    const note = await mutate(CREATE_ANNOTATION, { target: { articleId }, selector: { start: 0, end: SMILE + 1 }, motivation: "commenting", body: "half an emoji" });
    expect(note.errors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "input.selector.end" })]);
    // Between the wave and its skin-tone modifier is a character boundary, inside either pair is not.
    const claim = await mutate(CREATE_CLAIM, { articleId, selector: { start: WAVE + 3, end: WAVE + 10 }, rating: "FALSE", explanation: "Half a character." }, editor);
    expect(claim.errors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "input.selector.start" })]);
    // Found by its text: an `exact` that begins with half a character lands inside the pair too.
    const byText = await mutate(CREATE_QUOTE, { articleId, kind: "DIRECT", selector: { start: 0, end: 4, exact: `${"😀".slice(1)} now` } }, editor);
    expect(byText.errors[0]?.code).toBe("INVALID_INPUT");
    expect(await fingerprint(db)).toBe(before);
  });

  it("accepts spans that start or end at an emoji's edges and stores them byte for byte", async () => {
    const quote = await mutate(CREATE_QUOTE, { articleId, kind: "DIRECT", selector: { start: SMILE, end: SMILE + 6 } }, editor);
    expect(quote.errors).toEqual([]);
    expect(quote["quote"]).toEqual({ text: "😀 now" });
    const wave = await mutate(CREATE_QUOTE, { articleId, kind: "DIRECT", selector: { start: WAVE, end: WAVE + 2 } }, editor);
    expect(wave["quote"]).toEqual({ text: "👋" });
  });

  it("never lets a span stored inside a surrogate pair (before this check) block an edit of the body: it re-anchors on whole characters", async () => {
    // What the old code stored for offsets 7..12: the half character became U+FFFD.
    const broken = await db.prisma.quote.create({
      data: { articleId: rawArticleId, text: "\ufffd now", start: SMILE + 1, end: SMILE + 6, prefix: "Smile \ufffd", suffix: " wave", kind: "DIRECT" },
    });
    const note = await db.prisma.annotation.create({
      data: {
        targetType: "ARTICLE",
        articleId: rawArticleId,
        motivation: "commenting",
        body: "stored across half an emoji",
        start: SMILE + 1,
        end: SMILE + 6,
        exact: "\ufffd now",
        prefix: "Smile ",
        suffix: ", wave",
        authorId: (await db.prisma.user.findFirstOrThrow()).id,
      },
    });
    const { version } = await db.prisma.article.findUniqueOrThrow({ where: { id: rawArticleId } });
    const edited = await mutate(UPDATE, { id: articleId, expectedVersion: version, body: `Breaking: ${BODY}` }, editor);
    expect(edited.errors).toEqual([]);
    expect(edited["article"]).toMatchObject({ version: version + 1, body: `Breaking: ${BODY}` });
    const newBody = `Breaking: ${BODY}`;
    for (const row of [await db.prisma.quote.findUniqueOrThrow({ where: { id: broken.id } }), await db.prisma.annotation.findUniqueOrThrow({ where: { id: note.id } })]) {
      const start = row.start ?? 0;
      const end = row.end ?? 0;
      // Re-anchored (or orphaned): never left inside a pair of the new body.
      expect([start, end].every((offset) => !(offset > 0 && /[\ud800-\udbff]/.test(newBody[offset - 1] ?? "") && /[\udc00-\udfff]/.test(newBody[offset] ?? "")))).toBe(true);
    }
    // A second edit goes through too.
    const again = await mutate(UPDATE, { id: articleId, expectedVersion: version + 1, body: `Breaking again: ${BODY}` }, editor);
    expect(again.errors).toEqual([]);
  });
});
