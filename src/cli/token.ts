import { parseArgs } from "node:util";
import type { PrismaClient } from "../db/index.js";
import { issueToken, listTokens, revokeToken } from "../domain/auth/tokens.js";
import type { Role } from "../generated/prisma/enums.js";
import { UsageError, withDatabase, type Work } from "./command.js";

/** Usage of `node dist/cli.js token` (`npm run token --`). */
export const TOKEN_USAGE = `  token create --role viewer|reporter|editor|admin --name NAME [--user USER] [--expires-in-days N]
                    create a bearer token (and its user, named --user or else --name);
                    the token alone is the last line of stdout
  token list        list tokens: id, visible prefix, user, role, state
  token revoke ID|PREFIX
                    revoke a token by id or by the prefix \`token list\` shows`;

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];
const MAX_EXPIRY_DAYS = 3650;

/** A parsed `token` command. */
export type TokenCommand =
  | { readonly action: "create"; readonly role: Role; readonly name: string; readonly user: string; readonly expiresInDays: number | null }
  | { readonly action: "list" }
  | { readonly action: "revoke"; readonly target: string };

/** Parses the arguments after `token`. */
export function parseTokenCommand(args: readonly string[]): TokenCommand {
  const [action, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { role: { type: "string" }, name: { type: "string" }, user: { type: "string" }, "expires-in-days": { type: "string" } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (action === "list" && positionals.length === 0) return { action: "list" };
  if (action === "revoke" && positionals.length === 1) return { action: "revoke", target: positionals[0] as string };
  if (action !== "create" || positionals.length > 0) throw new UsageError("Say token create, token list or token revoke ID|PREFIX.");
  const role = values.role?.toUpperCase() as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError("token create needs --role viewer, reporter, editor or admin.");
  const name = values.name?.trim();
  if (!name || name.length > 200) throw new UsageError("token create needs --name (1 to 200 characters): what the token is for, or who holds it.");
  const user = values.user?.trim() || name;
  let expiresInDays: number | null = null;
  if (values["expires-in-days"] !== undefined) {
    expiresInDays = Number(values["expires-in-days"]);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS) {
      throw new UsageError(`--expires-in-days must be a whole number from 1 to ${MAX_EXPIRY_DAYS}.`);
    }
  }
  return { action: "create", role, name, user, expiresInDays };
}

/** A role as a sentence names it: "a reporter token", "an editor token". */
export function roleWithArticle(role: Role): string {
  const word = role.toLowerCase();
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

/** Runs a parsed `token` command, writing its report to `out`. Returns the exit code. */
export async function runTokenCommand(prisma: PrismaClient, command: TokenCommand, out: (line: string) => void): Promise<number> {
  switch (command.action) {
    case "create": {
      const expiresAt = command.expiresInDays === null ? null : new Date(Date.now() + command.expiresInDays * 86_400_000);
      const issued = await issueToken(prisma, { userName: command.user, role: command.role, tokenName: command.name, expiresAt });
      out(`Created ${roleWithArticle(issued.user.role)} token for ${issued.user.name} (id ${issued.record.id}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ""}).`);
      out("It is shown once; send it as `Authorization: Bearer <token>`:");
      out(issued.token);
      return 0;
    }
    case "list": {
      const tokens = await listTokens(prisma);
      if (tokens.length === 0) out("No tokens.");
      const now = new Date();
      for (const token of tokens) {
        const state = token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt <= now ? "expired" : "active";
        out(`${token.id}  ${token.prefix}…  ${token.user.name} (${token.user.role})  ${state}  ${JSON.stringify(token.name)}  last used ${token.lastUsedAt?.toISOString() ?? "never"}`);
      }
      return 0;
    }
    case "revoke": {
      const revoked = await revokeToken(prisma, command.target);
      if (!revoked) {
        out(`No token has the id or prefix ${command.target}; see token list.`);
        return 1;
      }
      out(`Revoked token ${revoked.id} (${revoked.prefix}…).`);
      out("A running copydesk that used it in the last TOKEN_CACHE_TTL_MS (5 s by default) accepts it until then; revokeApiToken through the API takes effect at once.");
      return 0;
    }
  }
}

/** `token create|list|revoke`: its report on stdout. */
export function tokenCommand(args: readonly string[]): Work {
  const command = parseTokenCommand(args);
  return () => withDatabase((database) => runTokenCommand(database.prisma, command, (line) => process.stdout.write(`${line}\n`)));
}
