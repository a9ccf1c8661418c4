import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSP_NONCE_PLACEHOLDER, PLAYGROUND_STATIC_DIR } from "../../src/playground/build-output.js";
import { playgroundCsp } from "../../src/playground/route.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { postGraphQL, startTestServer, type TestServer } from "../support/server.js";

// How the playground is served, without a browser: which requests get the page (browsers at
// /graphql and /playground) and which keep getting GraphQL (everything else, as before), its
// headers, its cached assets, and the PLAYGROUND setting. Needs `npm run build` (the bundle).

/** The Accept header Chromium sends when it navigates to a page. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const QUERY = `?query=${encodeURIComponent("{ __typename }")}`;

let db: TestDatabase;
const servers: TestServer[] = [];

/** A server with `env`; without the event-loop overload check (tests/faults covers it), which a busy 2-core CI machine can trip while several servers start. */
async function server(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const started = await startTestServer(db, { MAX_EVENT_LOOP_DELAY_MS: "0", ...env });
  servers.push(started);
  return started;
}

function get(baseUrl: string, pathname: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${pathname}`, { headers });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(PLAYGROUND_STATIC_DIR, "index.html"))) throw new Error("The playground is not built: run `npm run build` first");
  db = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((started) => started.close()));
  await db.close();
});

describe("the playground page (PLAYGROUND=graphiql, the default outside production)", () => {
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = (await server()).baseUrl;
  });

  it.each(["/graphql", "/playground", `/graphql${QUERY}`])("GET %s from a browser is the page, with a strict CSP and no caching", async (pathname) => {
    const response = await get(baseUrl, pathname, { accept: BROWSER_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toContain('<div id="playground">');
    // The CSP's style nonce is fresh for each response and is the one the page hands to GraphiQL.
    const nonce = /<meta name="csp-nonce" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(response.headers.get("content-security-policy")).toBe(playgroundCsp(nonce));
    const again = await (await get(baseUrl, pathname, { accept: BROWSER_ACCEPT })).text();
    expect(again).not.toContain(nonce);
    // Everything the page loads is on this server.
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) expect(url).toMatch(/^(\/playground\/assets\/[\w.-]+|data:,)$/);
  });

  it("allows only this server in its Content-Security-Policy, and inline styles only with the nonce", () => {
    const csp = playgroundCsp("bm9uY2U=");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'nonce-bm9uY2U=';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it("serves its script and stylesheet with their types, cached for a year", async () => {
    const html = await (await get(baseUrl, "/playground")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/playground\/assets\/[^"]+)"/g)].map((match) => match[1] ?? "");
    const types = new Map<string, string>();
    for (const asset of assets) {
      const response = await get(baseUrl, asset);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      types.set(path.extname(asset), response.headers.get("content-type") ?? "");
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(types.get(".js")).toMatch(/^(text|application)\/javascript/);
    expect(types.get(".css")).toMatch(/^text\/css/);
    expect((await get(baseUrl, "/playground/assets/missing-ABCDEFGH.js")).status).toBe(404);
    expect((await get(baseUrl, "/playground/assets/../index.html")).status).toBe(404);
  });

  it("leaves GraphQL as it was: POST, GET from clients asking for JSON, and CSRF prevention", async () => {
    const posted = await postGraphQL(baseUrl, "{ __typename }");
    expect(posted).toEqual({ status: 200, body: { data: { __typename: "Query" } } });

    const json = await get(baseUrl, `/graphql${QUERY}`, { accept: "application/json", "apollo-require-preflight": "true" });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ data: { __typename: "Query" } });
    // No Accept header at all (curl's default is */*, which prefers JSON too) is a GraphQL request.
    for (const accept of [undefined, "*/*"]) {
      const response = await get(baseUrl, `/graphql${QUERY}`, accept ? { accept } : {});
      expect(response.status, String(accept)).toBe(400);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/Cross-Site Request Forgery/);
    }
  });
});

describe("the page under overload", () => {
  it("is refused like GraphQL when the event loop lags: 503 OVERLOADED as JSON, not half a page", async () => {
    const { baseUrl } = await server({ MAX_EVENT_LOOP_DELAY_MS: "1" });
    // Block this process's event loop (the server's) until under-pressure's next sample sees it.
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 10 && !refused; attempt += 1) {
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // busy: the point is to lag the event loop
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      const response = await get(baseUrl, "/graphql", { accept: BROWSER_ACCEPT });
      if (response.status === 503) refused = response;
      else await response.arrayBuffer();
    }
    expect(refused, "the server never felt the lag").toBeDefined();
    expect(refused!.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(refused!.headers.get("content-security-policy")).toBeNull();
    const body = (await refused!.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("OVERLOADED");
  });
});

describe("the PLAYGROUND setting", () => {
  it("off: no page anywhere, and a browser at /graphql gets GraphQL's answer (no Apollo page either)", async () => {
    const { baseUrl } = await server({ PLAYGROUND: "off" });
    expect((await get(baseUrl, "/playground", { accept: BROWSER_ACCEPT })).status).toBe(404);
    const response = await get(baseUrl, "/graphql", { accept: BROWSER_ACCEPT });
    expect(response.headers.get("content-type")).not.toMatch(/text\/html/);
    expect((await postGraphQL(baseUrl, "{ __typename }")).status).toBe(200);
  });

  it("is off by default in production", async () => {
    const { baseUrl } = await server({ NODE_ENV: "production" });
    expect((await get(baseUrl, "/playground", { accept: BROWSER_ACCEPT })).status).toBe(404);
    expect((await get(baseUrl, "/graphql", { accept: BROWSER_ACCEPT })).headers.get("content-type")).not.toMatch(/text\/html/);
  });

  it("apollo: Apollo's landing page at /graphql, GraphiQL still at /playground", async () => {
    const { baseUrl } = await server({ PLAYGROUND: "apollo" });
    const apollo = await get(baseUrl, "/graphql", { accept: BROWSER_ACCEPT });
    expect(apollo.status).toBe(200);
    const apolloPage = await apollo.text();
    expect(apolloPage).toMatch(/apollographql\.com/);
    expect(apolloPage).not.toContain('<div id="playground">');
    const graphiql = await get(baseUrl, "/playground", { accept: BROWSER_ACCEPT });
    expect(await graphiql.text()).toContain('<div id="playground">');
  });
});
