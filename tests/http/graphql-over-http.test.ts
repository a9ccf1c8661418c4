import { serverAudits, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsOnlyLegacyJson } from "../../src/graphql/http-status.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// graphql-http's audit suite of the GraphQL-over-HTTP spec, against a started server: every MUST
// and every SHOULD passes (its names begin with the keyword; a failed MUST is an "error", a
// failed SHOULD a "warn").

describe("the GraphQL-over-HTTP audit (graphql-http serverAudits)", () => {
  let db: TestDatabase;
  let server: TestServer;
  let results: AuditResult[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db);
    // One after the other: each audit is a request or two, and their order keeps the log readable.
    for (const audit of serverAudits({ url: `${server.baseUrl}/graphql` })) results.push(await audit.fn());
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const failures = (keyword: "MUST" | "SHOULD") =>
    results.filter((result) => result.name.startsWith(keyword) && result.status !== "ok").map((result) => `${result.name}: ${"reason" in result ? result.reason : ""}`);

  it("passes every MUST", () => {
    expect(results.filter((result) => result.name.startsWith("MUST")).length).toBeGreaterThanOrEqual(13);
    expect(failures("MUST")).toEqual([]);
  });

  it("passes every SHOULD, including 200 for a parse, validation or variable error to a client that accepts only application/json", () => {
    expect(results.filter((result) => result.name.startsWith("SHOULD")).length).toBeGreaterThanOrEqual(23);
    expect(failures("SHOULD")).toEqual([]);
  });

  it("keeps 400 for those errors when the client accepts the GraphQL response media type, anything, or sends no Accept", async () => {
    const send = (accept: string | null) =>
      fetch(`${server.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: "{ notAField }" }),
      });
    expect((await send("application/json")).status).toBe(200);
    expect((await send("application/graphql-response+json")).status).toBe(400);
    expect((await send("application/graphql-response+json, application/json;q=0.9")).status).toBe(400);
    expect((await send("*/*")).status).toBe(400);
    expect((await send(null)).status).toBe(400);
  });
});

describe("acceptsOnlyLegacyJson", () => {
  it("is true only for an Accept that takes application/json and neither the newer type nor anything", () => {
    expect(acceptsOnlyLegacyJson("application/json")).toBe(true);
    expect(acceptsOnlyLegacyJson("text/html, application/json;q=0.5")).toBe(true);
    expect(acceptsOnlyLegacyJson("application/graphql-response+json")).toBe(false);
    expect(acceptsOnlyLegacyJson("application/json, application/graphql-response+json")).toBe(false);
    expect(acceptsOnlyLegacyJson("*/*")).toBe(false);
    expect(acceptsOnlyLegacyJson("application/json, */*")).toBe(false);
    expect(acceptsOnlyLegacyJson(null)).toBe(false);
    expect(acceptsOnlyLegacyJson("")).toBe(false);
  });
});
