import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import type { Database } from "../../src/db/index.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import type { GraphQLResponse } from "../support/server.js";

/** What a subscription can send: a result, an error (refused operation or closed socket), or the end. */
export type Message<T> =
  | { readonly kind: "next"; readonly result: FormattedExecutionResult<T, unknown>; readonly receivedAt: number }
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "complete" };

/** A graphql-ws client on a server's /graphql, with how its socket closed once it does. */
export interface LiveClient {
  readonly client: Client;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<number>;
  dispose(): Promise<void>;
}

/** Opens a graphql-ws client on `baseUrl` (http://...), with `token` as connectionParams.authorization; no retries. */
export function connect(baseUrl: string, token?: string): LiveClient {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  return { client, closed, dispose: () => client.dispose() as Promise<void> };
}

/**
 * How long a test waits for something it expects before failing: a bound against hanging, far
 * above what even a busy machine needs, never a speed requirement (the latency of live updates is
 * measured by `npm run bench:subscriptions`).
 */
export const HANG_MS = 20_000;

/**
 * One subscription's messages, kept in order, for tests to take one at a time with a timeout
 * (no sleeps: a test waits for the message it expects, or fails after the timeout).
 */
export class Feed<T = Record<string, unknown>> {
  private readonly messages: Message<T>[] = [];
  private waiter: (() => void) | null = null;
  private readonly stop: () => void;

  constructor(live: LiveClient, query: string, variables: Record<string, unknown> = {}) {
    const push = (message: Message<T>) => {
      this.messages.push(message);
      this.waiter?.();
    };
    this.stop = live.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => push({ kind: "next", result, receivedAt: performance.now() }),
        error: (error) => push({ kind: "error", error }),
        complete: () => push({ kind: "complete" }),
      },
    );
  }

  /** The next message, waiting at most `timeoutMs`. */
  async take(timeoutMs = HANG_MS): Promise<Message<T>> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no subscription message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.messages.shift() as Message<T>;
  }

  /** The data of the next message, which must be a result without errors. */
  async data(timeoutMs = HANG_MS): Promise<T> {
    return (await this.received(timeoutMs)).data;
  }

  /** The data of the next message (a result without errors) and when it arrived (performance.now()). */
  async received(timeoutMs = HANG_MS): Promise<{ data: T; receivedAt: number }> {
    const message = await this.take(timeoutMs);
    if (message.kind !== "next") throw new Error(`expected a result, got ${JSON.stringify(message)}`);
    if (message.result.errors) throw new Error(`expected no errors, got ${JSON.stringify(message.result.errors)}`);
    return { data: message.result.data as T, receivedAt: message.receivedAt };
  }

  /** Takes every message already received, without waiting. */
  drain(): Message<T>[] {
    return this.messages.splice(0);
  }

  /** Messages already received and not taken. */
  get pending(): number {
    return this.messages.length;
  }

  /** Unsubscribes. */
  close(): void {
    this.stop();
  }
}

/** Waits until `condition` holds, checking every 10 ms, at most `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = HANG_MS, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A token of a new user of `role`. */
export async function tokenFor(database: Database, role: Role): Promise<string> {
  const name = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}`;
  return (await issueToken(database.prisma, { userName: name, role, tokenName: `${name}'s token` })).token;
}

/** POSTs an operation to /graphql with a bearer token. */
export async function post<T = Record<string, unknown>>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** createAnnotation's document: a comment on a span of an article. */
export const CREATE_ANNOTATION = `mutation Create($input: CreateAnnotationInput!) {
  createAnnotation(input: $input) { annotation { id version } errors { code field message } }
}`;

/** Creates a comment on the first five characters of an article through the API; returns its global id and version. */
export async function annotate(baseUrl: string, token: string, articleGlobalId: string, body: string): Promise<{ id: string; version: number }> {
  const response = await post<{ createAnnotation: { annotation: { id: string; version: number } | null; errors: unknown[] } }>(baseUrl, token, CREATE_ANNOTATION, {
    input: { target: { articleId: articleGlobalId }, selector: { start: 0, end: 5 }, motivation: "commenting", body },
  });
  const annotation = response.data?.createAnnotation.annotation;
  if (!annotation) throw new Error(`createAnnotation failed: ${JSON.stringify(response)}`);
  return annotation;
}
