import { z } from "zod";
import { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { ApiToken, User } from "../../generated/prisma/client.js";
import { Role } from "../../generated/prisma/enums.js";
import { recordAudit } from "../../core/audit.js";
import { command } from "../../core/command.js";
import { fail } from "../../core/failure.js";
import { parseInput } from "../../core/input.js";
import { UUID_PATTERN } from "../../core/records.js";
import type { Session } from "../../core/session.js";
import type { ApiTokenWithUser } from "./service.js";
import { issueTokenInTransaction } from "./tokens.js";

// Commands on users and tokens: the policy authorizes (command), zod validates, then one
// transaction with one audit event. Users and tokens carry no version, so these are plain
// transactions; the conditional updates below ("still active", "not revoked yet") are what
// keeps two admins from both succeeding. Ids are plain record ids (the adapter decodes global
// ids). Audit snapshots are built here field by field: a user's e-mail and a token's hash never go in.

const name = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const role = z.enum(Role);
const createUserSchema = z.object({ name, role });
const setRoleSchema = z.object({ userId: z.string(), role });
const disableSchema = z.object({ userId: z.string() });
const createTokenSchema = z.object({ userId: z.string(), name, expiresAt: z.date().nullish() });
const revokeSchema = z.object({ id: z.string().regex(UUID_PATTERN, "must be a token id as ApiToken.id gives it") });

/** Input of {@link revokeApiToken}: `id` is the token's id (tokens have no global id). */
export type RevokeApiTokenCommand = z.input<typeof revokeSchema>;

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

/** Reads a user to change; NOT_FOUND when there is none. */
async function userToChange(tx: Prisma.TransactionClient, userId: string): Promise<User> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw fail("NOT_FOUND", "There is no such user.", "input.userId");
  return user;
}

/** Admins may not demote or disable themselves: that is how a desk locks itself out. */
function notYourself(session: Session, user: User, what: string): void {
  if (user.id === session.viewer.userId) throw fail("CONFLICT", `You cannot ${what} yourself; ask another admin.`, "input.userId");
}

/** Creates a user with a role, without a token. */
export const createUser = command("user.create", createUserSchema, async (session, data): Promise<User> => {
  const taken = () => fail("CONFLICT", `A user named ${JSON.stringify(data.name)} exists already.`, "input.name");
  try {
    return await inTransaction(session.prisma, async (tx) => {
      if (await tx.user.findUnique({ where: { name: data.name }, select: { id: true } })) throw taken();
      const user = await tx.user.create({ data: { name: data.name, role: data.role } });
      await recordAudit(tx, session, { action: "user.create", targetType: "User", targetId: user.id, before: null, after: userSnapshot(user) });
      return user;
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
});

/** Changes a user's role; it applies to their tokens from the next request, which reads the role afresh. */
export const setUserRole = command("user.setRole", setRoleSchema, async (session, data): Promise<User> => {
  return inTransaction(session.prisma, async (tx) => {
    const before = await userToChange(tx, data.userId);
    notYourself(session, before, "change the role of");
    if (before.role === data.role) throw fail("CONFLICT", `The user is ${data.role} already.`, "input.role");
    const after = await tx.user.update({ where: { id: before.id }, data: { role: data.role } });
    await recordAudit(tx, session, { action: "user.setRole", targetType: "User", targetId: after.id, before: userSnapshot(before), after: userSnapshot(after) });
    return after;
  });
});

/** Disables a user: authentication refuses their tokens from now on. */
export const disableUser = command("user.disable", disableSchema, async (session, data): Promise<User> => {
  return inTransaction(session.prisma, async (tx) => {
    const before = await userToChange(tx, data.userId);
    notYourself(session, before, "disable");
    // Conditional on "still active", so two admins disabling at once record one event.
    const { count } = await tx.user.updateMany({ where: { id: before.id, disabledAt: null }, data: { disabledAt: new Date() } });
    if (count === 0) throw fail("CONFLICT", "The user is disabled already.", "input.userId");
    const after = await tx.user.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, session, { action: "user.disable", targetType: "User", targetId: after.id, before: userSnapshot(before), after: userSnapshot(after) });
    return after;
  });
});

/** What createApiToken returns: the secret (shown once) and the stored record. */
export interface CreatedApiToken {
  readonly token: string;
  readonly apiToken: ApiTokenWithUser;
}

/**
 * Creates a bearer token for an active user. The secret is returned once; the audit event, like
 * the database, has only the record without the secret's hash. Token events are recorded on the
 * user the token acts as (tokens have no global id).
 */
export const createApiToken = command("token.create", createTokenSchema, async (session, data): Promise<CreatedApiToken> => {
  if (data.expiresAt && data.expiresAt.getTime() <= Date.now()) throw fail("INVALID_INPUT", "must be in the future", "input.expiresAt");
  return inTransaction(session.prisma, async (tx) => {
    const user = await userToChange(tx, data.userId);
    if (user.disabledAt) throw fail("CONFLICT", "The user is disabled; a token of theirs would not work.", "input.userId");
    const { token, record } = await issueTokenInTransaction(tx, user.id, data.name, data.expiresAt ?? null);
    await recordAudit(tx, session, { action: "token.create", targetType: "User", targetId: user.id, before: null, after: { token: tokenSnapshot(record) } });
    return { token, apiToken: { ...record, user } };
  });
});

/** Revokes a token; revoking a revoked one is CONFLICT, so each revocation has one event. */
export const revokeApiToken = command("token.revoke", async (session, input: RevokeApiTokenCommand): Promise<ApiTokenWithUser> => {
  const { id } = parseInput(revokeSchema, input);
  return inTransaction(session.prisma, async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id } });
    if (!before) throw fail("NOT_FOUND", "There is no token with this id.", "input.id");
    // Conditional on "not revoked yet": of two concurrent revocations only one changes the row.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw fail("CONFLICT", "The token is revoked already.", "input.id");
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id }, include: { user: true } });
    await recordAudit(tx, session, {
      action: "token.revoke",
      targetType: "User",
      targetId: after.userId,
      before: { token: tokenSnapshot(before) },
      after: { token: tokenSnapshot(after) },
    });
    return after;
  });
});
