import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import type { PlaygroundMode } from "../config.js";
import { CSP_NONCE_PLACEHOLDER, PLAYGROUND_ASSETS_PREFIX, PLAYGROUND_STATIC_DIR } from "./build-output.js";

/**
 * The playground page's Content-Security-Policy: everything from this server and nothing else.
 * GraphiQL 4 (CodeMirror 5, React) needs no eval, no inline script and no worker; styles it sets
 * from script go through the CSSOM, which CSP allows; its fonts and icons are data: URLs inside
 * its stylesheet. Its modal dialogs and menus inject one <style> element (react-remove-scroll's
 * scroll lock): that element carries the response's nonce, so style-src needs no 'unsafe-inline'.
 * tests/browser/playground.test.ts fails on any violation.
 */
export function playgroundCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The response types a GraphQL GET may ask for, as Apollo Server lists them; text/html last. */
const GRAPHQL_MEDIA_TYPES = [
  "application/json",
  "application/graphql-response+json",
  "multipart/mixed; deferSpec=20220824",
  "multipart/mixed; incrementalSpec=v0.2",
  "multipart/mixed",
  "text/html",
];

/**
 * Whether a request is a browser navigating to the URL: a GET whose Accept header prefers HTML
 * over every GraphQL response type. The same test Apollo Server uses for its landing page, so
 * curl, fetch and GraphQL clients (which ask for JSON, or send no Accept) are never given the page.
 */
export function prefersHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (request.method !== "GET" || !accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(GRAPHQL_MEDIA_TYPES) === "text/html";
}

/** The served playground: answers a request with its page (GET /playground, and browsers at /graphql). */
export interface PlaygroundPage {
  /** Sets the page's headers on the reply (a fresh CSP nonce each time) and returns its HTML. */
  send(reply: FastifyReply): string;
}

/**
 * Serves the playground built by scripts/build-playground.ts (unless `mode` is `off`): the page at
 * GET /playground (read once here; never cached by browsers, so a restart after a rebuild shows the
 * new one at once), and its hashed assets under
 * /playground/assets/, cached for a year. Returns the page for the /graphql route, or null when
 * there is none; a server started without a build logs why and answers /playground with 404.
 */
export async function registerPlayground(app: FastifyInstance, mode: PlaygroundMode): Promise<PlaygroundPage | null> {
  if (mode === "off") return null;
  const indexFile = path.join(PLAYGROUND_STATIC_DIR, "index.html");
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ indexFile }, "the playground is not built (run npm run build): /playground answers 404");
    app.get("/playground", async (_request, reply) =>
      reply.code(404).type("text/plain; charset=utf-8").send("The playground is not built: run `npm run build` and restart copydesk.\n"),
    );
    return null;
  }
  const template = fs.readFileSync(indexFile, "utf8");
  if (!template.includes(CSP_NONCE_PLACEHOLDER)) throw new Error(`${indexFile} has no CSP nonce placeholder: rebuild the playground (npm run build)`);
  await app.register(fastifyStatic, {
    root: path.join(PLAYGROUND_STATIC_DIR, "assets"),
    prefix: PLAYGROUND_ASSETS_PREFIX,
    decorateReply: false,
    index: false,
    // File names carry a content hash: a new build has new names, so a year is safe.
    maxAge: "365d",
    immutable: true,
    setHeaders: (reply) => void reply.header("x-content-type-options", "nosniff"),
  });
  const page: PlaygroundPage = {
    send(reply) {
      const nonce = randomBytes(16).toString("base64");
      void reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("content-security-policy", playgroundCsp(nonce))
        .header("x-content-type-options", "nosniff")
        .header("referrer-policy", "no-referrer");
      return template.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
    },
  };
  app.get("/playground", async (_request, reply) => page.send(reply));
  return page;
}
