import type { Prisma, PrismaClient } from "../../db/index.js";
import type { ApiToken, User } from "../../generated/prisma/client.js";
import type { Actor } from "../../core/actor.js";
import { Keyset, type ConnectionPage, type PageArgs } from "../../core/paging.js";
import { authorize } from "../../core/policy.js";

const DEFAULT_PAGE_SIZE = 20;

/** A token with the user it acts as: what the ApiToken type resolves from. */
export type ApiTokenWithUser = ApiToken & { user: User };

/** Tokens newest first, as `token list` shows them, ending on the id so positions are unique. */
const apiTokenKeyset = new Keyset<ApiTokenWithUser, Prisma.ApiTokenWhereInput, Prisma.ApiTokenOrderByWithRelationInput>("apiTokens:created:desc", [
  { field: "createdAt", direction: "desc", type: "date", value: (token) => token.createdAt },
  { field: "id", direction: "desc", type: "uuid", value: (token) => token.id },
]);

/** Every token, newest first, by keyset pages (those who may `token.read` only). */
export async function listApiTokens(prisma: PrismaClient, viewer: Actor, args: PageArgs): Promise<ConnectionPage<ApiTokenWithUser>> {
  // The API's guard on Query.apiTokens refuses first; this is the second line, for other callers.
  authorize(viewer, "token.read");
  const window = apiTokenKeyset.window(args, DEFAULT_PAGE_SIZE);
  const rows = await prisma.apiToken.findMany({ where: window.where, orderBy: window.orderBy, take: window.take, include: { user: true } });
  return apiTokenKeyset.page(rows, window, () => prisma.apiToken.count());
}
