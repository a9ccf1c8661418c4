import { randomBytes } from "node:crypto";
import { execute, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import { expect } from "vitest";
import type { Database } from "../../src/db/index.js";
import { countStatements } from "../../src/db/statements.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { errorCodes } from "./graphql.js";
import type { Actor } from "../../src/core/actor.js";

let schema: GraphQLSchema | undefined;

/** Creates a user of `role` (a unique name) and returns the viewer a request with its token would have. */
export async function createViewer(database: Database, role: Role, name = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}`): Promise<Actor> {
  const user = await database.prisma.user.create({ data: { name, role } });
  return { role, userId: user.id, tokenId: null };
}

/** The result of {@link executeAsViewer}: data through JSON as a client sees it, errors, and the SQL statements sent. */
export interface ViewerOperation<T> {
  readonly data: T | null | undefined;
  readonly errors: ExecutionResult["errors"];
  readonly statements: string[];
}

/** Runs an operation (query or mutation) through the real schema as `viewer`, with request id `test-request`. */
export async function executeAsViewer<T = Record<string, unknown>>(
  database: Database,
  viewer: Actor,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ViewerOperation<T>> {
  schema ??= buildSchema();
  const executable = schema;
  const contextValue = createContext(database.prisma, viewer, "test-request");
  const { result, statements } = await countStatements(async () => execute({ schema: executable, document: parse(query), variableValues: variables, contextValue }));
  const data = result.data === undefined ? undefined : (JSON.parse(JSON.stringify(result.data)) as T | null);
  return { data, errors: result.errors, statements };
}

/** One entry of a payload's `errors`, as tests read it. */
export interface MutationErrorShape {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}

/** What {@link mutationChecks} needs to know about one module's mutations. */
export interface MutationCheckOptions {
  readonly database: () => Database;
  readonly viewers: Readonly<Record<Role, Actor>>;
  /** The payload field that holds the record ("quote", "person"). */
  readonly resultKey: string;
  /** The audit targetType of the module's records. */
  readonly targetType: string;
  /** A fingerprint of everything the module's mutations may change, to prove a refusal changed nothing. */
  readonly stored: () => Promise<string>;
}

/**
 * The three checks every mutation test makes: a success writes exactly one audit event of the
 * right action, actor and request; a payload refusal and a directive refusal change nothing.
 */
export function mutationChecks<Shape>(options: MutationCheckOptions) {
  type Payload = Record<string, unknown> & { errors: MutationErrorShape[] };
  const { database, viewers, resultKey, targetType, stored } = options;

  async function mutate(role: Role, query: string, input: Record<string, unknown>): Promise<Payload> {
    const result = await executeAsViewer<Record<string, Payload>>(database(), viewers[role], query, { input });
    expect(result.errors).toBeUndefined();
    const payload = Object.values(result.data ?? {})[0];
    if (!payload) throw new Error("no payload");
    return payload;
  }

  return {
    mutate,
    /** Runs a mutation that must succeed, checking it wrote exactly one audit event with `action`. */
    async succeed(role: Role, query: string, input: Record<string, unknown>, action: string): Promise<Shape> {
      const prisma = database().prisma;
      const events = await prisma.auditEvent.count();
      const payload = await mutate(role, query, input);
      expect(payload.errors).toEqual([]);
      expect(payload[resultKey]).not.toBeNull();
      expect(await prisma.auditEvent.count()).toBe(events + 1);
      const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(event).toMatchObject({ action, targetType, actorId: viewers[role].userId, requestId: "test-request" });
      return payload[resultKey] as Shape;
    },
    /** Runs a mutation that must fail with a payload error `code` (on `field`), and checks that nothing changed. */
    async refuse(role: Role, query: string, input: Record<string, unknown>, code: string, field?: string | null): Promise<MutationErrorShape> {
      const before = await stored();
      const payload = await mutate(role, query, input);
      expect(payload[resultKey]).toBeNull();
      expect(payload.errors.map((error) => error.code)).toContain(code);
      const error = payload.errors.find((candidate) => candidate.code === code) as MutationErrorShape;
      if (field !== undefined) expect(error.field).toBe(field);
      expect(await stored()).toBe(before);
      return error;
    },
    /** Runs a mutation the role directive must stop (top-level FORBIDDEN), and checks that nothing changed. */
    async forbidden(role: Role, query: string, input: Record<string, unknown>): Promise<void> {
      const before = await stored();
      const result = await executeAsViewer(database(), viewers[role], query, { input });
      expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
      expect(result.data).toBeNull();
      expect(await stored()).toBe(before);
    },
  };
}
