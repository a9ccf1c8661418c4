/**
 * The floor of copydesk's stack for Q1 (one article by slug): fastify with copydesk's options
 * and one log line per request, a POSTed GraphQL body, the same token cache as L1, and ONE
 * statement sent through the Prisma client (`$queryRawUnsafe`, copydesk's `createPrismaClient`:
 * the pg driver adapter, named statements, the `query` log event). No GraphQL parsing,
 * validation, cost, rate limits or AsyncLocalStorage: whatever copydesk does beyond this is its
 * own code; what this costs beyond L1 (bench/baselines/l1.ts) is the stack's.
 *
 *   DATABASE_URL=postgresql://... node --import tsx bench/baselines/floor.ts
 *
 * FLOOR_DRIVER=pg sends the statement through `pg` directly instead (the Prisma client's share).
 * bench/floor.sh runs it beside copydesk and L1. Prints
 * `{"listening":"http://127.0.0.1:PORT"}` once it accepts requests (PORT from the environment,
 * default a free one). Route: POST /graphql `{"variables":{"slug":...}}`, answered as copydesk
 * answers bench/ab/q1.json.
 */
import { createHash } from "node:crypto";
import Fastify, { LogController } from "fastify";
import pg from "pg";
import { createPrismaClient } from "../../src/db/client.js";

type Role = "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
type TokenRow = { id: string; role: Role; revokedAt: Date | null; expiresAt: Date | null; disabledAt: Date | null };
type ArticleRow = { id: string; slug: string; headline: string | null; body: string; publishedAt: Date | null; status: string };

const databaseUrl = process.env["DATABASE_URL"] ?? "";
/** Sends one statement (named, where the driver names them itself) and returns its rows. */
type Send = <Row>(name: string, text: string, values: unknown[]) => Promise<Row[]>;
const rows: Send = process.env["FLOOR_DRIVER"] === "pg" ? sendThroughPg(new pg.Pool({ connectionString: databaseUrl, max: 10 })) : sendThroughPrisma(createPrismaClient(databaseUrl, { namedStatements: true }));

function sendThroughPg(pool: pg.Pool): Send {
  return async <Row>(name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows as Row[];
}
/** copydesk's client names a text that recurs itself (RecurringStatementNames). */
function sendThroughPrisma(prisma: ReturnType<typeof createPrismaClient>): Send {
  return <Row>(_name: string, text: string, values: unknown[]) => prisma.$queryRawUnsafe<Row[]>(text, ...values);
}

const TOKEN_SHAPE = /^cdk_[A-Za-z0-9_-]{43}$/;
const tokenCache = new Map<string, { row: TokenRow; until: number }>();
async function viewerRole(header: string | undefined): Promise<Role | null> {
  if (!header) return "VIEWER";
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const hash = createHash("sha256").update(token, "utf8").digest("hex");
  const cached = tokenCache.get(hash);
  const row =
    cached && cached.until > Date.now()
      ? cached.row
      : (await rows<TokenRow>("auth", `SELECT t."id", u."role"::text AS "role", t."revokedAt", t."expiresAt", u."disabledAt" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."secretHash" = $1`, [hash]))[0];
  if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  if (row !== cached?.row) tokenCache.set(hash, { row, until: Date.now() + 5000 });
  return row.role;
}

const app = Fastify({ logger: { level: "info" }, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 1024 * 1024 });
// copydesk's one log line per request.
app.addHook("onResponse", async (request, reply) => {
  request.log.info({ req: { method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, "request completed");
});
app.post("/graphql", async (request, reply) => {
  const role = await viewerRole(request.headers.authorization);
  if (!role) return reply.code(401).send({ errors: [{ message: "token refused" }] });
  const slug = (request.body as { variables?: { slug?: string } }).variables?.slug ?? "";
  const statuses = role === "VIEWER" ? ["PUBLISHED", "CORRECTED", "RETRACTED"] : ["DRAFT", "IN_REVIEW", "PUBLISHED", "CORRECTED", "RETRACTED"];
  const [row] = await rows<ArticleRow>(
    "q1",
    `SELECT "id", "slug", "headline", "body", "publishedAt", "status"::text AS "status" FROM "Article" WHERE "slug" = $1 AND "deletedAt" IS NULL AND "status"::text = ANY($2::text[])`,
    [slug, statuses],
  );
  const article = row ? { id: Buffer.from(`Article:${row.id}`).toString("base64url"), slug: row.slug, headline: row.headline, displayTitle: row.headline ?? "", publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null, status: row.status } : null;
  return reply.type("application/json; charset=utf-8").send(`${JSON.stringify({ data: { article } })}\n`);
});
app.get("/healthz", async () => ({ status: "ok" }));
const url = await app.listen({ host: "127.0.0.1", port: Number(process.env["PORT"] ?? 0) });
process.stdout.write(`${JSON.stringify({ listening: url })}\n`);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
