import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDevelopmentToken } from "../../src/domain/auth/development-token.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type GraphQLResponse, type TestServer } from "../support/server.js";

// Authentication over the real HTTP server: `Authorization: Bearer <token>` decides the viewer;
// no header is an anonymous VIEWER; any token that does not work is HTTP 401 UNAUTHENTICATED with
// no data and nothing about the database in the answer (never a silent downgrade to anonymous).

const DRAFT_SLUG = "draft-under-embargo";
const ARTICLES = `{ articles(first: 100) { edges { node { slug status } } } }`;
type Articles = { articles: { edges: { node: { slug: string; status: string } }[] } };

let db: TestDatabase;
let server: TestServer;
let production: TestServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-auth-"));

/** POSTs an operation to /graphql with the given Authorization header (none when undefined). */
async function post<T = Articles>(baseUrl: string, authorization: string | undefined, query = ARTICLES) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse<T> };
}

function slugs(body: GraphQLResponse<Articles>): string[] {
  return body.data!.articles.edges.map((edge) => edge.node.slug).sort();
}

/** A refused request: 401, one UNAUTHENTICATED error, no data, and no SQL, Prisma or hash in the text. */
async function expectRefused(baseUrl: string, authorization: string, reason: RegExp) {
  const { status, body, text } = await post(baseUrl, authorization);
  expect(status).toBe(401);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.extensions?.["code"]).toBe("UNAUTHENTICATED");
  expect(body.errors![0]!.message).toMatch(reason);
  expect(text).not.toMatch(/prisma|SELECT|secretHash|stack|basra-consulate|draft-under-embargo/i);
}

async function newToken(name: string, role: "VIEWER" | "EDITOR" = "EDITOR") {
  return issueToken(db.prisma, { userName: name, role, tokenName: `${name}'s token` });
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  await db.prisma.article.create({ data: { slug: DRAFT_SLUG, body: "Not for the public yet.", bodyHash: "draft", status: "DRAFT" } });
  server = await startTestServer(db);
  production = await startTestServer(db, { NODE_ENV: "production" });
});

afterAll(async () => {
  await server?.close();
  await production?.close();
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Authorization: Bearer over HTTP", () => {
  it("without a header, reads as an anonymous viewer: published articles only", async () => {
    const { status, body } = await post(server.baseUrl, undefined);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(slugs(body)).toEqual(["basra-consulate-2018"]);
  });

  it("with a valid editor token, sees the draft too, and records when the token was used", async () => {
    const { token, record } = await newToken("desk editor");
    expect(record.lastUsedAt).toBeNull();
    const { status, body } = await post(server.baseUrl, `Bearer ${token}`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(slugs(body)).toEqual(["basra-consulate-2018", DRAFT_SLUG]);
    const used = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    expect(Date.now() - used.lastUsedAt!.getTime()).toBeLessThan(60_000);
    // The scheme is case-insensitive, as RFC 7235 says.
    expect((await post(server.baseUrl, `bearer ${token}`)).status).toBe(200);
  });

  it("with a valid viewer token, still reads published articles only", async () => {
    const { token } = await newToken("reader", "VIEWER");
    const { status, body } = await post(server.baseUrl, `Bearer ${token}`);
    expect(status).toBe(200);
    expect(slugs(body)).toEqual(["basra-consulate-2018"]);
  });

  it("refuses garbled headers with 401", async () => {
    const { token } = await newToken("garbler");
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer ", `Token ${token}`, `Bearer ${token} extra`, "Bearer not-a-copydesk-token", `Bearer ${token.slice(0, -1)}`]) {
      await expectRefused(server.baseUrl, header, /Authorization header|not a copydesk token|not valid/);
    }
  });

  it("refuses an unknown token of the right shape with 401", async () => {
    await expectRefused(server.baseUrl, `Bearer cdk_${"A".repeat(43)}`, /not valid/);
  });

  it("refuses a revoked token with 401, from the request after revokeApiToken", async () => {
    const { token, record } = await newToken("revoked one");
    expect((await post(server.baseUrl, `Bearer ${token}`)).status).toBe(200);
    const admin = await issueToken(db.prisma, { userName: "auth admin", role: "ADMIN", tokenName: "admin's token" });
    const revoke = await post<{ revokeApiToken: { errors: unknown[] } }>(
      server.baseUrl,
      `Bearer ${admin.token}`,
      `mutation { revokeApiToken(input: { id: "${record.id}" }) { errors { code } } }`,
    );
    expect(revoke.body.data?.revokeApiToken.errors).toEqual([]);
    await expectRefused(server.baseUrl, `Bearer ${token}`, /revoked/);
  });

  it("refuses an expired token with 401", async () => {
    const { token, record } = await newToken("expired one");
    await db.prisma.apiToken.update({ where: { id: record.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefused(server.baseUrl, `Bearer ${token}`, /expired/);
  });

  it("refuses the token of a disabled user with 401", async () => {
    const { token, user } = await newToken("disabled one");
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expectRefused(server.baseUrl, `Bearer ${token}`, /disabled/);
  });

  it("accepts the development token in development and refuses it with NODE_ENV=production", async () => {
    const token = await ensureDevelopmentToken(db.prisma, dataDir);
    const development = await post(server.baseUrl, `Bearer ${token}`);
    expect(development.status).toBe(200);
    expect(slugs(development.body)).toContain(DRAFT_SLUG);
    await expectRefused(production.baseUrl, `Bearer ${token}`, /development token is refused in production/);

    // An ordinary token still works in production, and anonymous reads too.
    const { token: ordinary } = await newToken("production editor");
    const accepted = await post(production.baseUrl, `Bearer ${ordinary}`);
    expect(accepted.status).toBe(200);
    expect(slugs(accepted.body)).toContain(DRAFT_SLUG);
    expect((await post(production.baseUrl, undefined)).status).toBe(200);
  });

  it("lets a token carry out its role's mutations and refuses others with FORBIDDEN", async () => {
    const { token } = await newToken("mutating editor");
    const create = `mutation { createIncident(input: { type: protest, summary: "Protest over HTTP" }) { incident { summary } errors { code } } }`;
    const created = await post<{ createIncident: { incident: { summary: string }; errors: unknown[] } }>(server.baseUrl, `Bearer ${token}`, create);
    expect(created.status).toBe(200);
    expect(created.body.data?.createIncident).toEqual({ incident: { summary: "Protest over HTTP" }, errors: [] });
    const anonymous = await post(server.baseUrl, undefined, create);
    expect(anonymous.body.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "incident.create" }, orderBy: { id: "desc" } });
    const record = await db.prisma.apiToken.findFirstOrThrow({ where: { name: "mutating editor's token" } });
    expect(event).toMatchObject({ actorId: record.userId, tokenId: record.id });
  });
});
