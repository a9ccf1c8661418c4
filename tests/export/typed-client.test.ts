import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The typed client example (examples/typed-client) as CI runs it: generate its types from the
// committed schema.graphql with the client preset, typecheck it with tsc, and run it against a
// real server with the example story. A second generation, against a copy of the schema without
// a field the example asks for, must fail: the types follow the contract.

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a node script asynchronously (the in-process database must keep answering the server). */
function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedExampleStory(db.prisma);
  // The overload guard answers 503 when the event loop lags, which a busy CI machine can cause;
  // this test is about the client, so the guard is off.
  server = await startTestServer(db, { MAX_EVENT_LOOP_DELAY_MS: "0" });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe("the typed client example", () => {
  it("generates its types from schema.graphql, typechecks, and prints the example story from a live server", async () => {
    const generated = await node([bin("graphql-codegen"), "--config", "examples/typed-client/codegen.ts"]);
    expect(generated.code, generated.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, "examples/typed-client/gql/graphql.ts"))).toBe(true);

    const typecheck = await node([bin("tsc"), "-p", "examples/typed-client/tsconfig.json"]);
    expect(typecheck.code, typecheck.stdout).toBe(0);

    const printed = await node(["--import", "tsx", "examples/typed-client/story.ts"], { COPYDESK_URL: `${server.baseUrl}/graphql` });
    expect(printed.code, printed.stderr).toBe(0);
    const quotes = await db.prisma.quote.count({ where: { article: { slug: "basra-consulate-2018" } } });
    expect(printed.stdout).toContain(`Quotes (${quotes}):`);
    expect(printed.stdout).toContain("Heather Nauert [direct]:");
    expect(printed.stdout).toMatch(/evacuation 2018-09-28 Basra: U\.S\. Consulate Basrah placed on ordered departure/);

    const missing = await node(["--import", "tsx", "examples/typed-client/story.ts", "no-such-story"], { COPYDESK_URL: `${server.baseUrl}/graphql` });
    expect(missing).toMatchObject({ code: 1, stderr: "No article no-such-story (or it is not visible to you).\n" });
  }, 300_000);

  it("fails to generate when the schema loses a field the example reads", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-typed-client-"));
    try {
      const schema = fs.readFileSync(path.join(root, "schema.graphql"), "utf8");
      // Renamed, as a careless refactoring would: Article.displayTitle is gone.
      const withoutTitle = schema.replace(/^(\s*)displayTitle: String!$/m, "$1title: String!");
      expect(withoutTitle).not.toBe(schema);
      fs.writeFileSync(path.join(dir, "schema.graphql"), withoutTitle);
      const result = await node([bin("graphql-codegen"), "--config", "examples/typed-client/codegen.ts", "--verbose"], {
        COPYDESK_EXAMPLE_SCHEMA: path.join(dir, "schema.graphql"),
        COPYDESK_EXAMPLE_OUT: `${dir}/gql/`,
        // Under NODE_ENV=test the code generator prints only "One or more errors occurred".
        NODE_ENV: "development",
      });
      expect(result.code).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('Cannot query field "displayTitle" on type "Article"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
