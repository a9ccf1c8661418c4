import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "../security/support.js";

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } errors { code field } } }`;
type CreatePayload = { createArticle: { article: { id: string; slug: string } | null; errors: { code: string }[] } | null };

describe("overload: a bound on concurrent GraphQL requests", () => {
  let db: TestDatabase;
  let server: LoggedServer;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A test-only trigger: inserting an article whose slug starts with "slow-" takes a second, so
    // the admitted requests are still in flight when the others arrive.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION copydesk_test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slug LIKE 'slow-%' THEN PERFORM pg_sleep(1); END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER copydesk_test_slow_insert BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION copydesk_test_slow_insert()`,
    );
    editor = await tokenFor(db, "EDITOR");
    server = await startLoggedServer(db, { MAX_CONCURRENT_REQUESTS: "2" });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("answers 503 OVERLOADED with Retry-After beyond the bound, at once, and loses nothing it accepted (5x load)", async () => {
    const articlesBefore = await db.prisma.article.count();
    const auditBefore = await db.prisma.auditEvent.count();
    const slugs = Array.from({ length: 10 }, (_, i) => `slow-load-${i}`);
    const timed = async (slug: string): Promise<{ slug: string; ms: number; response: RawResponse<CreatePayload> }> => {
      const started = Date.now();
      const response = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug, body: `Body of ${slug}.` } }, { token: editor });
      return { slug, ms: Date.now() - started, response };
    };
    const results = await Promise.all(slugs.map(timed));

    const accepted = results.filter((result) => result.response.status === 200);
    const refused = results.filter((result) => result.response.status === 503);
    expect(accepted.length + refused.length).toBe(10);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const { response, ms } of refused) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "OVERLOADED", retryable: true, retryAfterSeconds: 1, requestId: response.requestId });
      // Refused immediately, not after waiting in a queue behind the slow ones.
      expect(ms).toBeLessThan(1000);
    }
    for (const { response, slug } of accepted) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.createArticle?.article?.slug).toBe(slug);
    }

    // Exactly the acknowledged articles exist, each with its revision and its one audit event.
    const stored = await db.prisma.article.findMany({ where: { slug: { in: slugs } }, include: { revisions: true } });
    expect(stored.map((article) => article.slug).sort()).toEqual(accepted.map((result) => result.slug).sort());
    for (const article of stored) expect(article.revisions).toHaveLength(1);
    expect(await db.prisma.article.count()).toBe(articlesBefore + accepted.length);
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore + accepted.length);

    // The bound is released as requests finish: the server answers again at once.
    const after = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug: "after-the-load", body: "Calm again." } }, { token: editor });
    expect(after.status).toBe(200);
    expect(after.body.data?.createArticle?.article?.slug).toBe("after-the-load");
    expect(server.logs.filter((line) => line["msg"] === "graphql request refused: too many requests in flight")).toHaveLength(refused.length);
  }, 30_000);
});
