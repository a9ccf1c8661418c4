import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadTrustedDocuments, TrustedDocumentsError } from "../../src/graphql/trusted-documents.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, send, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Trusted-documents mode (TRUSTED_DOCUMENTS_FILE): only listed operations run, named by id (the
// client preset's `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`) or sent as
// their exact text; anything else is refused before it is parsed, over HTTP and WebSocket.

const ONE_STORY = `query OneStory($slug: String!) { article(slug: $slug) { slug } }`;
const QUEUE = `subscription Queue { reviewQueueChanged { sequence action } }`;
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("trusted-documents mode", () => {
  let db: TestDatabase;
  let server: LoggedServer;
  let dir: string;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(db.prisma);
    editor = await tokenFor(db, "EDITOR");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-trusted-"));
    const manifest = path.join(dir, "persisted-documents.json");
    fs.writeFileSync(manifest, JSON.stringify({ [sha256(ONE_STORY)]: ONE_STORY, [sha256(QUEUE)]: QUEUE }));
    server = await startLoggedServer(db, { TRUSTED_DOCUMENTS_FILE: manifest });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs a listed operation named by documentId, by persistedQuery hash, or sent as its exact text", async () => {
    const expected = { data: { article: { slug: "basra-consulate-2018" } } };
    const variables = { slug: "basra-consulate-2018" };
    const byId = await send(server.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: sha256(ONE_STORY), variables }),
    });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(expected);
    const byHash = await send(server.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ONE_STORY) } } }),
    });
    expect(byHash.body).toEqual(expected);
    const byGet = await send(server.baseUrl, {
      method: "GET",
      headers: { "apollo-require-preflight": "true" },
      search: `?variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(ONE_STORY) } }))}`,
    });
    expect(byGet.body).toEqual(expected);
    expect((await post(server.baseUrl, ONE_STORY, variables)).body).toEqual(expected);
  });

  it("refuses any other document before parsing it, with no SQL, and an unknown or mismatched id", async () => {
    const other = await post(server.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: "TRUSTED_DOCUMENT_REQUIRED", requestId: other.requestId });
    expect(server.logs.some((line) => line["reqId"] === other.requestId && line["msg"] === "graphql request")).toBe(false);
    expect(server.logs.find((line) => line["reqId"] === other.requestId && line["msg"] === "graphql request refused: not a trusted document")).toMatchObject({ sqlStatements: 0 });

    const mutation = await post(server.baseUrl, `mutation { deleteArticle(input: { id: "x" }) { errors { code } } }`, {}, { token: editor });
    expect(mutation.body.errors?.[0]?.extensions?.["code"]).toBe("TRUSTED_DOCUMENT_REQUIRED");

    const unknown = await send(server.baseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ documentId: "0".repeat(64) }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.["code"]).toBe("PERSISTED_QUERY_NOT_FOUND");

    const mismatch = await send(server.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: sha256(ONE_STORY), query: `{ articles(first: 1) { totalCount } }` }),
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_REQUEST");
  });

  it("applies to subscriptions over WebSocket too", async () => {
    const client: Client = createClient({ url: server.baseUrl.replace(/^http/, "ws") + "/graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${editor}` }, retryAttempts: 0 });
    try {
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: `subscription { reviewQueueChanged { sequence } }` }, { next: () => resolve("next"), error: resolve, complete: () => resolve("complete") });
      });
      expect(JSON.stringify(refused)).toContain("TRUSTED_DOCUMENT_REQUIRED");
      const accepted = await new Promise<string>((resolve) => {
        const stop = client.subscribe({ query: QUEUE }, { next: () => resolve("next"), error: (error) => resolve(JSON.stringify(error)), complete: () => resolve("complete") });
        // A listed subscription is accepted: no error arrives within a moment.
        setTimeout(() => {
          stop();
          resolve("open");
        }, 500);
      });
      expect(accepted).not.toContain("TRUSTED_DOCUMENT_REQUIRED");
    } finally {
      await client.dispose();
    }
  });

  it("refuses to start on a manifest it cannot trust: not JSON, an unknown shape, an id that is not its document's hash", () => {
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    expect(() => loadTrustedDocuments(write("broken.json", "{"))).toThrow(TrustedDocumentsError);
    expect(() => loadTrustedDocuments(write("shape.json", JSON.stringify([ONE_STORY])))).toThrow(/neither a client-preset manifest/);
    expect(() => loadTrustedDocuments(write("lie.json", JSON.stringify({ [sha256(QUEUE)]: ONE_STORY })))).toThrow(/is not the SHA-256 of its document/);
    const apollo = loadTrustedDocuments(
      write("apollo.json", JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: sha256(ONE_STORY), name: "OneStory", type: "query", body: ONE_STORY }] })),
    );
    expect(apollo.size).toBe(1);
    expect(apollo.resolve({ documentId: sha256(ONE_STORY) })).toEqual({ query: ONE_STORY });
  });
});
