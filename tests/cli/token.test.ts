import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/index.js";
import { authenticate, AuthenticationError } from "../../src/domain/auth/tokens.js";
import { CLI_PATH as cli, runCli, type CliResult } from "../support/cli.js";
import { startTestServer, type TestServer } from "../support/server.js";

// `npm run token -- create|list|revoke` (node dist/cli.js token ...) against a fresh embedded
// DATA_DIR, spawned asynchronously: a synchronous spawn would block this process while its own
// PGlite (opened below, which the CLI then borrows) has to answer the CLI's queries.

/** Runs the built CLI's token command on `dataDir`. */
function token(dataDir: string, args: string[]): Promise<CliResult> {
  return runCli(dataDir, ["token", ...args]);
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

describe.skipIf(!fs.existsSync(cli))("the token command", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-token-"));
  let database: Database | undefined;
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let secret = "";

  beforeAll(async () => {
    // On a fresh directory, the first command makes and migrates the embedded database itself.
    const created = await token(dataDir, ["create", "--role", "editor", "--name", "desk screen"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created an editor token for desk screen \(id /m);
    secret = lastLine(created.stdout);
  }, 180_000);

  it("create prints the token alone on the last line of stdout, and it authenticates as an editor", async () => {
    expect(secret).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    database = await openDatabase(loadConfig({ DATA_DIR: dataDir }).database);
    const viewer = await authenticate(database.prisma, `Bearer ${secret}`, { production: true });
    expect(viewer.role).toBe("EDITOR");
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: viewer.userId! } });
    expect(user).toMatchObject({ name: "desk screen", role: "EDITOR" });
    // The database keeps only a hash of it.
    const record = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: viewer.tokenId! } });
    expect(JSON.stringify(record)).not.toContain(secret);

    // A short token cache: a revocation from the CLI reaches the server within it.
    server = await startTestServer(database, { TOKEN_CACHE_TTL_MS: "300" });
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "{ articles(first: 1) { totalCount } }" }),
    });
    expect(response.status).toBe(200);
  });

  it("list shows the token (by prefix, never the secret) while the server holds the database", async () => {
    const listed = await token(dataDir, ["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(secret.slice(0, 12));
    expect(listed.stdout).not.toContain(secret);
    expect(listed.stdout).toMatch(/desk screen \(EDITOR\)\s+active/);
  });

  it("revoke PREFIX revokes it: the token stops working", async () => {
    const revoked = await token(dataDir, ["revoke", secret.slice(0, 12)]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked token /);
    await expect(authenticate(database!.prisma, `Bearer ${secret}`, { production: true })).rejects.toBeInstanceOf(AuthenticationError);
    expect(revoked.stdout).toMatch(/TOKEN_CACHE_TTL_MS/);
    const ask = () =>
      fetch(`${server!.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: "{ articles(first: 1) { totalCount } }" }),
      });
    const started = Date.now();
    let response = await ask();
    while (response.status === 200 && Date.now() - started < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await ask();
    }
    expect(response.status).toBe(401);
    const listed = await token(dataDir, ["list"]);
    expect(listed.stdout).toMatch(/desk screen \(EDITOR\)\s+revoked/);
    const unknown = await token(dataDir, ["revoke", "cdk_nothere"]);
    expect(unknown.code).toBe(1);
  });

  it("bad usage exits 2 with the usage text", async () => {
    const cases = [
      ["create", "--name", "no role"],
      ["create", "--role", "owner", "--name", "x"],
      ["create", "--role", "editor"],
      ["create", "--role", "editor", "--name", "x", "--expires-in-days", "0"],
      ["revoke"],
      ["frobnicate"],
      ["create", "--role", "editor", "--name", "x", "--colour", "red"],
    ];
    for (const args of cases) {
      const result = await token(dataDir, args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("token create --role viewer|reporter|editor|admin --name NAME");
    }
  });
});
