import { z } from "zod";
import { Prisma, type PrismaClient } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { ApiToken, User } from "../../generated/prisma/client.js";
import type { CreateApiTokenInput, CreateUserInput, DisableUserInput, RevokeApiTokenInput, SetUserRoleInput } from "../../generated/graphql.js";
import { Keyset, type ConnectionPage, type PageArgs } from "../../core/paging.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { UUID_PATTERN } from "../../core/records.js";
import { fail, inputId, parseInput, requireRole } from "../../core/failure.js";
import { recordAudit } from "../../core/audit.js";
import { forbidden } from "../../graphql/policy.js";
import { issueTokenInTransaction } from "./tokens.js";
import { hasRole, type Actor } from "../../core/actor.js";

// ADMIN mutations on users and tokens: authorize -> validate -> one transaction -> one audit event.
// Audit snapshots are built here field by field: a user's e-mail and a token's hash never go in.

const ROLES = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"] as const;
const DEFAULT_PAGE_SIZE = 20;

const name = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const createUserSchema = z.object({ name, role: z.enum(ROLES) });
const setRoleSchema = z.object({ userId: z.string(), role: z.enum(ROLES) });
const disableSchema = z.object({ userId: z.string() });
const createTokenSchema = z.object({ userId: z.string(), name, expiresAt: z.date().nullish() });
const revokeSchema = z.object({ id: z.string().regex(UUID_PATTERN, "must be a token id as ApiToken.id gives it") });

/** A token with the user it acts as: what the ApiToken type resolves from. */
export type ApiTokenWithUser = ApiToken & { user: User };

/** What an audit event keeps of a user: no e-mail address. */
function userSnapshot(user: User): object {
  return { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt, disabledAt: user.disabledAt };
}

/** What an audit event keeps of a token: never the secret, nor its hash. */
function tokenSnapshot(token: ApiToken): object {
  const { secretHash: _hash, ...rest } = token;
  return rest;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Reads a user to change, by global id; NOT_FOUND when there is none. */
async function userToChange(tx: Prisma.TransactionClient, globalId: string): Promise<User> {
  const user = await tx.user.findUnique({ where: { id: inputId(globalId, "User", "input.userId") } });
  if (!user) throw fail("NOT_FOUND", "There is no such user.", "input.userId");
  return user;
}

/** Admins may not demote or disable themselves: that is how a desk locks itself out. */
function notYourself(context: GraphQLContext, user: User, what: string): void {
  if (user.id === context.viewer.userId) throw fail("CONFLICT", `You cannot ${what} yourself; ask another admin.`, "input.userId");
}

/** Creates a user with a role, without a token (ADMIN). */
export async function createUser(context: GraphQLContext, input: CreateUserInput): Promise<User> {
  requireRole(context.viewer, "ADMIN", "create users");
  const data = parseInput(createUserSchema, input);
  const taken = () => fail("CONFLICT", `A user named ${JSON.stringify(data.name)} exists already.`, "input.name");
  try {
    return await inTransaction(context.prisma, async (tx) => {
      if (await tx.user.findUnique({ where: { name: data.name }, select: { id: true } })) throw taken();
      const user = await tx.user.create({ data: { name: data.name, role: data.role } });
      await recordAudit(tx, context, { action: "user.create", targetType: "User", targetId: user.id, before: null, after: userSnapshot(user) });
      return user;
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** Changes a user's role (ADMIN); it applies to their tokens from the next request, which reads the role afresh. */
export async function setUserRole(context: GraphQLContext, input: SetUserRoleInput): Promise<User> {
  requireRole(context.viewer, "ADMIN", "change roles");
  const data = parseInput(setRoleSchema, input);
  return inTransaction(context.prisma, async (tx) => {
    const before = await userToChange(tx, data.userId);
    notYourself(context, before, "change the role of");
    if (before.role === data.role) throw fail("CONFLICT", `The user is ${data.role} already.`, "input.role");
    const after = await tx.user.update({ where: { id: before.id }, data: { role: data.role } });
    await recordAudit(tx, context, { action: "user.setRole", targetType: "User", targetId: after.id, before: userSnapshot(before), after: userSnapshot(after) });
    return after;
  });
}

/** Disables a user (ADMIN): authentication refuses their tokens from now on. */
export async function disableUser(context: GraphQLContext, input: DisableUserInput): Promise<User> {
  requireRole(context.viewer, "ADMIN", "disable users");
  const data = parseInput(disableSchema, input);
  return inTransaction(context.prisma, async (tx) => {
    const before = await userToChange(tx, data.userId);
    notYourself(context, before, "disable");
    // Conditional on "still active", so two admins disabling at once record one event.
    const { count } = await tx.user.updateMany({ where: { id: before.id, disabledAt: null }, data: { disabledAt: new Date() } });
    if (count === 0) throw fail("CONFLICT", "The user is disabled already.", "input.userId");
    const after = await tx.user.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, context, { action: "user.disable", targetType: "User", targetId: after.id, before: userSnapshot(before), after: userSnapshot(after) });
    return after;
  });
}

/** What createApiToken returns: the secret (shown once) and the stored record. */
export interface CreatedApiToken {
  readonly token: string;
  readonly apiToken: ApiTokenWithUser;
}

/**
 * Creates a bearer token for an active user (ADMIN). The secret is returned once; the audit
 * event, like the database, has only the record without the secret's hash. Token events are
 * recorded on the user the token acts as (tokens have no global id).
 */
export async function createApiToken(context: GraphQLContext, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  requireRole(context.viewer, "ADMIN", "create tokens");
  const data = parseInput(createTokenSchema, input);
  if (data.expiresAt && data.expiresAt.getTime() <= Date.now()) throw fail("INVALID_INPUT", "must be in the future", "input.expiresAt");
  return inTransaction(context.prisma, async (tx) => {
    const user = await userToChange(tx, data.userId);
    if (user.disabledAt) throw fail("CONFLICT", "The user is disabled; a token of theirs would not work.", "input.userId");
    const { token, record } = await issueTokenInTransaction(tx, user.id, data.name, data.expiresAt ?? null);
    await recordAudit(tx, context, { action: "token.create", targetType: "User", targetId: user.id, before: null, after: { token: tokenSnapshot(record) } });
    return { token, apiToken: { ...record, user } };
  });
}

/** Revokes a token (ADMIN); revoking a revoked one is CONFLICT, so each revocation has one event. */
export async function revokeApiToken(context: GraphQLContext, input: RevokeApiTokenInput): Promise<ApiTokenWithUser> {
  requireRole(context.viewer, "ADMIN", "revoke tokens");
  const { id } = parseInput(revokeSchema, input);
  return inTransaction(context.prisma, async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id } });
    if (!before) throw fail("NOT_FOUND", "There is no token with this id.", "input.id");
    // Conditional on "not revoked yet": of two concurrent revocations only one changes the row.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw fail("CONFLICT", "The token is revoked already.", "input.id");
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id }, include: { user: true } });
    await recordAudit(tx, context, {
      action: "token.revoke",
      targetType: "User",
      targetId: after.userId,
      before: { token: tokenSnapshot(before) },
      after: { token: tokenSnapshot(after) },
    });
    return after;
  });
}

/** Tokens newest first, as `token list` shows them, ending on the id so positions are unique. */
const apiTokenKeyset = new Keyset<ApiTokenWithUser, Prisma.ApiTokenWhereInput, Prisma.ApiTokenOrderByWithRelationInput>("apiTokens:created:desc", [
  { field: "createdAt", direction: "desc", type: "date", value: (token) => token.createdAt },
  { field: "id", direction: "desc", type: "uuid", value: (token) => token.id },
]);

/** Every token, newest first, by keyset pages (ADMIN only). */
export async function listApiTokens(prisma: PrismaClient, viewer: Actor, args: PageArgs): Promise<ConnectionPage<ApiTokenWithUser>> {
  // The directive is the gate; this is the second line, as for mutations.
  if (!hasRole(viewer, "ADMIN")) throw forbidden("ADMIN");
  const window = apiTokenKeyset.window(args, DEFAULT_PAGE_SIZE);
  const rows = await prisma.apiToken.findMany({ where: window.where, orderBy: window.orderBy, take: window.take, include: { user: true } });
  return apiTokenKeyset.page(rows, window, () => prisma.apiToken.count());
}
