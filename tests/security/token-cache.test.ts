import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, requestLine, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// The server reuses a live token it looked up within TOKEN_CACHE_TTL_MS instead of reading it
// for every request. What must not change: a token revoked, a user disabled or a role changed
// through the API takes effect on the very next request; an expiry takes effect on the second;
// a change made outside the API (SQL, the token CLI) takes effect within the time to live.

const QUERY = `{ articles(first: 1) { totalCount } }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code } } }`;

let db: TestDatabase;
let server: LoggedServer;
let admin: string;

beforeAll(async () => {
  db = await createTestDatabase();
  admin = await tokenFor(db, "ADMIN");
  server = await startLoggedServer(db, { TOKEN_CACHE_TTL_MS: "60000" });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function issued(role: "VIEWER" | "EDITOR", expiresAt: Date | null = null) {
  const name = `cached-${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  return issueToken(db.prisma, { userName: name, role, tokenName: `${name}'s token`, expiresAt });
}

/** Runs `check` against a second server on the same database with other settings, then closes it. */
async function withServer(env: NodeJS.ProcessEnv, check: (other: LoggedServer) => Promise<void>): Promise<void> {
  const other = await startLoggedServer(db, env);
  try {
    await check(other);
  } finally {
    await other.close();
  }
}

async function statementsOf(token: string): Promise<number> {
  const response = await post(server.baseUrl, QUERY, {}, { token });
  expect(response.status).toBe(200);
  return Number(requestLine(server, response.requestId)?.["sqlStatements"]);
}

async function adminMutation(query: string, input: Record<string, unknown>): Promise<void> {
  const response = await post<Record<string, { errors: unknown[] }>>(server.baseUrl, query, { input }, { token: admin });
  expect(response.status).toBe(200);
  expect(Object.values(response.body.data ?? {})[0]?.errors).toEqual([]);
}

describe("the token cache", () => {
  it("spares the token lookup once a token was seen", async () => {
    const { token } = await issued("VIEWER");
    const first = await statementsOf(token);
    const second = await statementsOf(token);
    // The first request reads the token (and records lastUsedAt); the next ones read only the
    // articles and their count, in the one statement of an answer built in SQL.
    expect(first).toBeGreaterThanOrEqual(2);
    expect(second).toBe(1);
    expect(await statementsOf(token)).toBe(1);
  });

  it("refuses a token revoked through the API on the next request", async () => {
    const { token, record } = await issued("VIEWER");
    await statementsOf(token);
    await adminMutation(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { errors { code } } }`, { id: record.id });
    const after = await post(server.baseUrl, QUERY, {}, { token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.message).toMatch(/revoked/);
  });

  it("refuses the tokens of a user disabled through the API on the next request", async () => {
    const { token, user } = await issued("VIEWER");
    await statementsOf(token);
    await adminMutation(`mutation($input: DisableUserInput!) { disableUser(input: $input) { errors { code } } }`, { userId: toGlobalId("User", user.id) });
    expect((await post(server.baseUrl, QUERY, {}, { token })).status).toBe(401);
  });

  it("applies a role changed through the API on the next request", async () => {
    const { token, user } = await issued("EDITOR");
    const allowed = await post<{ createArticle: { errors: unknown[] } }>(server.baseUrl, CREATE, { input: { slug: "cache-before", body: "Before." } }, { token });
    expect(allowed.body.data?.createArticle.errors).toEqual([]);
    await adminMutation(`mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { errors { code } } }`, { userId: toGlobalId("User", user.id), role: "VIEWER" });
    const refused = await post(server.baseUrl, CREATE, { input: { slug: "cache-after", body: "After." } }, { token });
    expect(refused.body.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(await db.prisma.article.count({ where: { slug: "cache-after" } })).toBe(0);
  });

  // Both tests below move a fake clock (only Date is faked: timers and I/O run as usual), so what
  // they check does not depend on how fast the machine answers.
  it("refuses a cached token from the moment it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      const { token } = await issued("VIEWER", new Date(Date.now() + 60_000));
      expect(await statementsOf(token)).toBeGreaterThanOrEqual(2);
      expect(await statementsOf(token)).toBe(1);
      vi.setSystemTime(Date.now() + 59_999);
      expect(await statementsOf(token)).toBe(1);
      vi.setSystemTime(Date.now() + 1);
      const expired = await post(server.baseUrl, QUERY, {}, { token });
      expect(expired.status).toBe(401);
      expect(expired.body.errors?.[0]?.message).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("takes a revocation made outside the API once its time to live has passed, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      // Started under the fake clock, so its cache reads that clock.
      await withServer({ TOKEN_CACHE_TTL_MS: "400" }, async (short) => {
        const { token, record } = await issued("VIEWER");
        expect((await post(short.baseUrl, QUERY, {}, { token })).status).toBe(200);
        await db.prisma.apiToken.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
        // Within the time to live the cached record still answers (the documented window) ...
        vi.setSystemTime(Date.now() + 399);
        expect((await post(short.baseUrl, QUERY, {}, { token })).status).toBe(200);
        // ... and from its end the token is read again, and refused.
        vi.setSystemTime(Date.now() + 1);
        const refused = await post(short.baseUrl, QUERY, {}, { token });
        expect(refused.status).toBe(401);
        expect(refused.body.errors?.[0]?.message).toMatch(/revoked/);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("is off with TOKEN_CACHE_TTL_MS=0: every request reads the token", async () => {
    await withServer({ TOKEN_CACHE_TTL_MS: "0" }, async (uncached) => {
      const { token, record } = await issued("VIEWER");
      expect((await post(uncached.baseUrl, QUERY, {}, { token })).status).toBe(200);
      await db.prisma.apiToken.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
      expect((await post(uncached.baseUrl, QUERY, {}, { token })).status).toBe(401);
    });
  });
});
