import { randomBytes } from "node:crypto";
import { execute, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Database } from "../../src/db/index.js";
import { countStatements } from "../../src/db/statements.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { buildSchema } from "../../src/graphql/schema.js";
import type { Viewer } from "../../src/modules/auth/viewer.js";

let schema: GraphQLSchema | undefined;

/** Creates a user of `role` (a unique name) and returns the viewer a request with its token would have. */
export async function createViewer(database: Database, role: Role, name = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}`): Promise<Viewer> {
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
  viewer: Viewer,
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
