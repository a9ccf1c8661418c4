import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Prisma, PrismaClient } from "../../db/index.js";
import type { ApiToken, User } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import type { TokenCache } from "./token-cache.js";
import { ANONYMOUS_ACTOR, type Actor } from "../../core/actor.js";

/** Every token starts with this, so a leaked one is recognisable by secret scanners. */
const TOKEN_PREFIX = "cdk_";
/** 32 random bytes: 256 bits, far beyond guessing. */
const SECRET_BYTES = 32;
/** Characters of the token kept in clear (`prefix`), enough to tell tokens apart in a list. */
const VISIBLE_CHARS = 12;
const TOKEN_SHAPE = /^cdk_[A-Za-z0-9_-]{43}$/;
/** `lastUsedAt` is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Name of the editor token the development seed creates. Tokens of this name are refused when
 * NODE_ENV=production, so a development database promoted to production does not carry a known
 * credential.
 */
export const DEVELOPMENT_TOKEN_NAME = "development editor token (created by npm start)";

/** Why a presented token was refused. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthenticationError";
  }
}

/** A new token: the secret, shown once, and its stored record. */
export interface IssuedToken {
  readonly token: string;
  readonly record: ApiToken;
  readonly user: User;
}

/** SHA-256 of a token, hex: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
}

/** Options of {@link issueToken}. */
export interface IssueTokenOptions {
  /** The user's name; created with `role` if there is no such user. */
  readonly userName: string;
  /** The role of a new user; for an existing user it must match (roles change through an admin). */
  readonly role: Role;
  /** What the token is for ("dashboard on the desk screen"). */
  readonly tokenName: string;
  readonly expiresAt?: Date | null;
}

/** Creates a token for a user (creating the user with the role if needed). The secret is returned once and stored only as a hash. */
export async function issueToken(prisma: PrismaClient, options: IssueTokenOptions): Promise<IssuedToken> {
  const token = generateToken();
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { name: options.userName } });
    if (existing && existing.role !== options.role) {
      throw new Error(`User ${JSON.stringify(options.userName)} exists with role ${existing.role}, not ${options.role}. Use another name, or change the role as an admin.`);
    }
    if (existing?.disabledAt) throw new Error(`User ${JSON.stringify(options.userName)} is disabled.`);
    const user = existing ?? (await tx.user.create({ data: { name: options.userName, role: options.role } }));
    const record = await storeToken(tx, user.id, token, options.tokenName, options.expiresAt ?? null);
    return { token, record, user };
  });
}

function storeToken(tx: Prisma.TransactionClient, userId: string, token: string, tokenName: string, expiresAt: Date | null): Promise<ApiToken> {
  return tx.apiToken.create({
    data: { userId, name: tokenName, prefix: token.slice(0, VISIBLE_CHARS), secretHash: hashToken(token), expiresAt },
  });
}

/**
 * Creates a token for an existing user inside the caller's transaction (the ADMIN mutation, which
 * records its audit event in the same transaction). The caller checks the user; the secret is
 * returned once and stored only as a hash.
 */
export async function issueTokenInTransaction(
  tx: Prisma.TransactionClient,
  userId: string,
  tokenName: string,
  expiresAt: Date | null,
): Promise<{ token: string; record: ApiToken }> {
  const token = generateToken();
  return { token, record: await storeToken(tx, userId, token, tokenName, expiresAt) };
}

/** Tokens with their users, newest first (secrets are never stored, so never listed). */
export function listTokens(prisma: PrismaClient): Promise<(ApiToken & { user: User })[]> {
  return prisma.apiToken.findMany({ include: { user: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Revokes a token by id or by its visible prefix; returns the revoked record, or null when none matches. */
export async function revokeToken(prisma: PrismaClient, idOrPrefix: string, now = new Date()): Promise<ApiToken | null> {
  const isId = /^[0-9a-f-]{36}$/.test(idOrPrefix);
  const matches = await prisma.apiToken.findMany({ where: isId ? { id: idOrPrefix } : { prefix: idOrPrefix } });
  if (matches.length > 1) throw new Error(`Several tokens start with ${idOrPrefix}; revoke by id.`);
  const [match] = matches;
  if (!match) return null;
  return prisma.apiToken.update({ where: { id: match.id }, data: { revokedAt: match.revokedAt ?? now } });
}

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  /** In production the development seed token is refused. */
  readonly production: boolean;
  readonly now?: Date;
  /** Recently looked-up live tokens (the server's); without it every call reads the database. */
  readonly cache?: TokenCache | null;
}

/**
 * Turns an Authorization header into the viewer of a request: no header is an anonymous VIEWER;
 * `Bearer <token>` of a live token is its user; anything else (garbled, unknown, revoked, expired,
 * a disabled user) is an {@link AuthenticationError}, never a silent downgrade to anonymous.
 */
export async function authenticate(prisma: PrismaClient, header: string | undefined, options: AuthenticateOptions): Promise<Actor> {
  return (await authenticateGrant(prisma, header, options)).viewer;
}

/** What a checked Authorization header grants: the viewer, and until when (the token's expiry; null when it never expires). */
export interface Grant {
  readonly viewer: Actor;
  readonly expiresAt: Date | null;
}

/**
 * {@link authenticate} with the token's expiry as well, for a holder of the grant that outlives
 * one request (a WebSocket connection), which must stop using it at that instant.
 */
export async function authenticateGrant(prisma: PrismaClient, header: string | undefined, options: AuthenticateOptions): Promise<Grant> {
  if (header === undefined || header === "") return { viewer: ANONYMOUS_ACTOR, expiresAt: null };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AuthenticationError("The Authorization header must be `Bearer <token>`.");
  const token = match[1] as string;
  if (!TOKEN_SHAPE.test(token)) throw new AuthenticationError("The bearer token is not a copydesk token.");
  const hash = hashToken(token);
  const cache = options.cache ?? null;
  const generation = cache?.generation ?? 0;
  const cached = cache?.get(hash);
  const record = cached ?? (await prisma.apiToken.findUnique({ where: { secretHash: hash }, include: { user: true } }));
  // The lookup is by hash; comparing again in constant time keeps timing from telling anything.
  if (!record || !timingSafeEqual(Buffer.from(record.secretHash, "hex"), Buffer.from(hash, "hex"))) {
    throw new AuthenticationError("The bearer token is not valid.");
  }
  const now = options.now ?? new Date();
  if (record.revokedAt) throw new AuthenticationError("The bearer token was revoked.");
  if (record.expiresAt && record.expiresAt <= now) throw new AuthenticationError("The bearer token has expired.");
  if (record.user.disabledAt) throw new AuthenticationError("The token's user is disabled.");
  if (options.production && record.name === DEVELOPMENT_TOKEN_NAME) {
    throw new AuthenticationError("The development token is refused in production. Create a token with `npm run token -- create`.");
  }
  const stale = !record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS;
  if (stale) await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  // Only tokens that passed every check above are kept: read just now, or with lastUsedAt just written.
  if (cache && (!cached || stale)) cache.set(hash, stale ? { ...record, lastUsedAt: now } : record, generation);
  return { viewer: { role: record.user.role, userId: record.user.id, tokenId: record.id }, expiresAt: record.expiresAt };
}
