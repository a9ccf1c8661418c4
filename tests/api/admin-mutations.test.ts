import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { mutationPayload } from "../../src/graphql/payload.js";
import { createUser } from "../../src/domain/auth/commands.js";
import { authenticate, AuthenticationError, hashToken } from "../../src/domain/auth/tokens.js";
import type { Actor } from "../../src/core/actor.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { errorCodes } from "../support/graphql.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// The ADMIN mutations on users and tokens, and Query.apiTokens, through the GraphQL layer as
// every role. After every refusal or failure the stored users, tokens and audit events are as
// they were; after every success exactly one audit event is new, and none holds a secret.

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];
const NO_USER = toGlobalId("User", "00000000-0000-7000-8000-000000000000");

let db: TestDatabase;
const viewers = {} as Record<Role, Actor>;

interface MutationError {
  code: string;
  field: string | null;
  message: string;
}
interface UserFields {
  id: string;
  name: string;
  role: Role;
  disabledAt: string | null;
}
interface TokenFields {
  id: string;
  name: string;
  prefix: string;
  user: { id: string; name: string };
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const ERRORS = "errors { code field message }";
const USER = "id name role disabledAt";
const TOKEN = "id name prefix user { id name } createdAt expiresAt revokedAt lastUsedAt";
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { ${USER} } ${ERRORS} } }`;
const SET_ROLE = `mutation ($input: SetUserRoleInput!) { setUserRole(input: $input) { user { ${USER} } ${ERRORS} } }`;
const DISABLE = `mutation ($input: DisableUserInput!) { disableUser(input: $input) { user { ${USER} } ${ERRORS} } }`;
const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ${TOKEN} } ${ERRORS} } }`;
const REVOKE = `mutation ($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { ${TOKEN} } ${ERRORS} } }`;
const LIST = `query ($first: Int, $after: String) { apiTokens(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${TOKEN} } } } }`;

type UserPayload<K extends string> = { [key in K]: { user: UserFields | null; errors: MutationError[] } };
type CreateTokenPayload = { createApiToken: { token: string | null; apiToken: TokenFields | null; errors: MutationError[] } };
type RevokePayload = { revokeApiToken: { apiToken: TokenFields | null; errors: MutationError[] } };
type ListPayload = { apiTokens: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TokenFields }[] } };

function run<T>(role: Role, query: string, variables: Record<string, unknown> = {}) {
  return executeAsViewer<T>(db, viewers[role], query, variables);
}

async function state() {
  const [users, tokens, auditEvents] = await Promise.all([
    db.prisma.user.findMany({ orderBy: { id: "asc" } }),
    db.prisma.apiToken.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, tokens, auditEvents };
}

/** Runs an operation that must change nothing at all. */
async function unchangedAfter<T>(role: Role, query: string, variables: Record<string, unknown>) {
  const before = await state();
  const result = await run<T>(role, query, variables);
  expect(await state()).toEqual(before);
  return result;
}

/** Runs a mutation as ADMIN that must succeed with exactly one new audit event of `action`; returns the data and the event. */
async function succeeds<T>(query: string, variables: Record<string, unknown>, action: string) {
  const before = await db.prisma.auditEvent.count();
  const result = await run<T>("ADMIN", query, variables);
  expect(result.errors).toBeUndefined();
  expect(Object.values(result.data as Record<string, { errors: unknown[] }>)[0]?.errors).toEqual([]);
  expect(await db.prisma.auditEvent.count()).toBe(before + 1);
  const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(event).toMatchObject({ action, targetType: "User", actorId: viewers.ADMIN.userId, requestId: "test-request" });
  return { data: result.data as T, event };
}

function rawId(globalId: string): string {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1] as string;
}

async function refusedBelowAdmin(query: string, variables: Record<string, unknown>) {
  for (const role of ["VIEWER", "REPORTER", "EDITOR"] as const) {
    const result = await unchangedAfter(role, query, variables);
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const role of ROLES) viewers[role] = await createViewer(db, role);
});

afterAll(async () => {
  await db?.close();
});

describe("createUser", () => {
  it("creates a user for admins only, with one audit event and no e-mail in it", async () => {
    await refusedBelowAdmin(CREATE_USER, { input: { name: "Refused", role: "EDITOR" } });
    const { data, event } = await succeeds<UserPayload<"createUser">>(CREATE_USER, { input: { name: "  Night desk  ", role: "EDITOR" } }, "user.create");
    const user = data.createUser.user!;
    expect(user).toMatchObject({ name: "Night desk", role: "EDITOR", disabledAt: null });
    expect(event.targetId).toBe(rawId(user.id));
    expect(event.before).toBeNull();
    expect(event.after).toMatchObject({ name: "Night desk", role: "EDITOR" });
    expect(event.after).not.toHaveProperty("email");
  });

  it("refuses a taken name, an empty one and a role that does not exist", async () => {
    const taken = await unchangedAfter<UserPayload<"createUser">>("ADMIN", CREATE_USER, { input: { name: "Night desk", role: "VIEWER" } });
    expect(taken.data!.createUser).toMatchObject({ user: null, errors: [{ code: "CONFLICT", field: "input.name" }] });
    const empty = await unchangedAfter<UserPayload<"createUser">>("ADMIN", CREATE_USER, { input: { name: "  ", role: "VIEWER" } });
    expect(empty.data!.createUser).toMatchObject({ user: null, errors: [{ code: "INVALID_INPUT", field: "input.name" }] });
    const badRole = await unchangedAfter("ADMIN", CREATE_USER, { input: { name: "x", role: "OWNER" } });
    expect(badRole.errors?.length).toBe(1);
  });

  it("is refused by the service itself below ADMIN", async () => {
    const before = await state();
    const payload = await mutationPayload("user", () => createUser(createContext(db.prisma, viewers.EDITOR, "test-request"), { name: "sneaky", role: "ADMIN" }));
    expect(payload.errors.map((error) => error.code)).toEqual(["FORBIDDEN"]);
    expect(await state()).toEqual(before);
  });
});

describe("setUserRole and disableUser", () => {
  it("changes a role, and the user's token carries the new role at once", async () => {
    const user = await db.prisma.user.create({ data: { name: "promotable", role: "REPORTER" } });
    const created = await succeeds<CreateTokenPayload>(CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "laptop" } }, "token.create");
    const token = created.data.createApiToken.token!;
    await refusedBelowAdmin(SET_ROLE, { input: { userId: toGlobalId("User", user.id), role: "ADMIN" } });
    const { data, event } = await succeeds<UserPayload<"setUserRole">>(SET_ROLE, { input: { userId: toGlobalId("User", user.id), role: "EDITOR" } }, "user.setRole");
    expect(data.setUserRole.user).toMatchObject({ name: "promotable", role: "EDITOR" });
    expect(event).toMatchObject({ targetId: user.id, before: { role: "REPORTER" }, after: { role: "EDITOR" } });
    expect((await authenticate(db.prisma, `Bearer ${token}`, { production: false })).role).toBe("EDITOR");
  });

  it("refuses the same role, yourself, unknown users and bad ids", async () => {
    const user = await db.prisma.user.create({ data: { name: "steady", role: "VIEWER" } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ userId: toGlobalId("User", user.id), role: "VIEWER" }, "CONFLICT", "input.role"],
      [{ userId: toGlobalId("User", viewers.ADMIN.userId!), role: "VIEWER" }, "CONFLICT", "input.userId"],
      [{ userId: NO_USER, role: "EDITOR" }, "NOT_FOUND", "input.userId"],
      [{ userId: toGlobalId("Article", user.id), role: "EDITOR" }, "INVALID_INPUT", "input.userId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await unchangedAfter<UserPayload<"setUserRole">>("ADMIN", SET_ROLE, { input });
      expect(result.data!.setUserRole).toMatchObject({ user: null, errors: [{ code, field }] });
    }
  });

  it("disables a user, whose tokens then stop working; twice is CONFLICT", async () => {
    const user = await db.prisma.user.create({ data: { name: "leaving", role: "EDITOR" } });
    const created = await succeeds<CreateTokenPayload>(CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "phone" } }, "token.create");
    const token = created.data.createApiToken.token!;
    expect((await authenticate(db.prisma, `Bearer ${token}`, { production: false })).userId).toBe(user.id);
    await refusedBelowAdmin(DISABLE, { input: { userId: toGlobalId("User", user.id) } });
    const { data, event } = await succeeds<UserPayload<"disableUser">>(DISABLE, { input: { userId: toGlobalId("User", user.id) } }, "user.disable");
    expect(data.disableUser.user?.disabledAt).toEqual(expect.any(String));
    expect(event).toMatchObject({ targetId: user.id, before: { disabledAt: null }, after: { disabledAt: expect.any(String) } });
    await expect(authenticate(db.prisma, `Bearer ${token}`, { production: false })).rejects.toBeInstanceOf(AuthenticationError);

    const again = await unchangedAfter<UserPayload<"disableUser">>("ADMIN", DISABLE, { input: { userId: toGlobalId("User", user.id) } });
    expect(again.data!.disableUser).toMatchObject({ user: null, errors: [{ code: "CONFLICT", field: "input.userId" }] });
    const self = await unchangedAfter<UserPayload<"disableUser">>("ADMIN", DISABLE, { input: { userId: toGlobalId("User", viewers.ADMIN.userId!) } });
    expect(self.data!.disableUser).toMatchObject({ user: null, errors: [{ code: "CONFLICT", field: "input.userId" }] });
    const noToken = await unchangedAfter<CreateTokenPayload>("ADMIN", CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "again" } });
    expect(noToken.data!.createApiToken).toMatchObject({ token: null, apiToken: null, errors: [{ code: "CONFLICT", field: "input.userId" }] });
  });

  it("shows disabledAt to admins only", async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on User { name disabledAt } } }`;
    const id = toGlobalId("User", viewers.VIEWER.userId!);
    expect((await run("ADMIN", query, { id })).errors).toBeUndefined();
    expect(errorCodes((await run("EDITOR", query, { id })).errors)).toEqual(["FORBIDDEN"]);
  });
});

describe("createApiToken, revokeApiToken and apiTokens", () => {
  it("creates a token shown once, stored hashed, audited without the secret, and it authenticates", async () => {
    const user = await db.prisma.user.create({ data: { name: "desk screen", role: "VIEWER" } });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    await refusedBelowAdmin(CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "wall" } });
    const { data, event } = await succeeds<CreateTokenPayload>(CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "wall", expiresAt } }, "token.create");
    const { token, apiToken } = data.createApiToken;
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "wall", prefix: token!.slice(0, 12), user: { name: "desk screen" }, expiresAt, revokedAt: null, lastUsedAt: null });
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken!.id } });
    expect(stored.secretHash).toBe(hashToken(token!));
    expect(event.targetId).toBe(user.id);
    const eventText = JSON.stringify(event, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    expect(eventText).not.toContain(token!);
    expect(eventText).not.toContain(stored.secretHash);
    expect(event.after).toMatchObject({ token: { id: stored.id, prefix: stored.prefix, name: "wall" } });

    const viewer = await authenticate(db.prisma, `Bearer ${token}`, { production: false });
    expect(viewer).toEqual({ role: "VIEWER", userId: user.id, tokenId: stored.id });
  });

  it("refuses past expiry dates, empty names, unknown users", async () => {
    const user = await db.prisma.user.create({ data: { name: "token-refusals", role: "VIEWER" } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ userId: toGlobalId("User", user.id), name: "old", expiresAt: "2000-01-01T00:00:00Z" }, "INVALID_INPUT", "input.expiresAt"],
      [{ userId: toGlobalId("User", user.id), name: " " }, "INVALID_INPUT", "input.name"],
      [{ userId: NO_USER, name: "ghost" }, "NOT_FOUND", "input.userId"],
      [{ userId: "nope", name: "ghost" }, "INVALID_INPUT", "input.userId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await unchangedAfter<CreateTokenPayload>("ADMIN", CREATE_TOKEN, { input });
      expect(result.data!.createApiToken).toMatchObject({ token: null, apiToken: null, errors: [{ code, field }] });
    }
  });

  it("revokes a token, which then stops working; twice is CONFLICT", async () => {
    const user = await db.prisma.user.create({ data: { name: "revocable", role: "EDITOR" } });
    const created = await succeeds<CreateTokenPayload>(CREATE_TOKEN, { input: { userId: toGlobalId("User", user.id), name: "cms hook" } }, "token.create");
    const { token, apiToken } = created.data.createApiToken;
    await refusedBelowAdmin(REVOKE, { input: { id: apiToken!.id } });
    const { data, event } = await succeeds<RevokePayload>(REVOKE, { input: { id: apiToken!.id } }, "token.revoke");
    expect(data.revokeApiToken.apiToken).toMatchObject({ id: apiToken!.id, revokedAt: expect.any(String) });
    expect(event).toMatchObject({ targetId: user.id, before: { token: { revokedAt: null } }, after: { token: { id: apiToken!.id } } });
    expect(JSON.stringify(event.after)).not.toContain("secretHash");
    await expect(authenticate(db.prisma, `Bearer ${token}`, { production: false })).rejects.toThrow(/revoked/);

    const cases: [string, string][] = [
      [apiToken!.id, "CONFLICT"],
      ["00000000-0000-7000-8000-000000000000", "NOT_FOUND"],
      ["not-a-uuid", "INVALID_INPUT"],
    ];
    for (const [id, code] of cases) {
      const result = await unchangedAfter<RevokePayload>("ADMIN", REVOKE, { input: { id } });
      expect(result.data!.revokeApiToken).toMatchObject({ apiToken: null, errors: [{ code, field: "input.id" }] });
    }
  });

  it("lists every token newest first, in pages, to admins only", async () => {
    for (const role of ["VIEWER", "REPORTER", "EDITOR"] as const) {
      const refused = await run(role, LIST, { first: 5 });
      expect(errorCodes(refused.errors)).toEqual(["FORBIDDEN"]);
      expect(refused.data).toBeNull();
    }
    const stored = await db.prisma.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(stored.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: { data: ListPayload | null | undefined; errors: unknown } = await run<ListPayload>("ADMIN", LIST, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const list: ListPayload["apiTokens"] = result.data!.apiTokens;
      expect(list.totalCount).toBe(stored.length);
      seen.push(...list.edges.map((edge) => edge.node.id));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(stored.map((token) => token.id));
    const tooMany = await run("ADMIN", LIST, { first: 101 });
    expect(errorCodes(tooMany.errors)).toEqual(["BAD_USER_INPUT"]);
  });
});
