import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../db/index.js";
import { DEVELOPMENT_TOKEN_NAME, hashToken, issueToken } from "./tokens.js";

/** The development editor, owner of the token `npm start` prints. */
export const DEVELOPMENT_USER_NAME = "dev-editor";
const TOKEN_FILE = "development-token";

/**
 * The editor token of a development setup: kept in DATA_DIR/development-token (readable by the
 * owner only) so that `npm start` prints the same token on every start, and made anew when the
 * file is missing or its token no longer works. Never called in production, where the server
 * also refuses this token.
 */
export async function ensureDevelopmentToken(prisma: PrismaClient, dataDir: string): Promise<string> {
  const file = path.join(dataDir, TOKEN_FILE);
  const saved = (await fs.readFile(file, "utf8").catch(() => "")).trim();
  if (saved) {
    const record = await prisma.apiToken.findUnique({ where: { secretHash: hashToken(saved) }, include: { user: true } });
    if (record && !record.revokedAt && !record.user.disabledAt && record.name === DEVELOPMENT_TOKEN_NAME) return saved;
  }
  const { token } = await issueToken(prisma, { userName: DEVELOPMENT_USER_NAME, role: "EDITOR", tokenName: DEVELOPMENT_TOKEN_NAME });
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}
