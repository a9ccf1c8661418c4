import { execute, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Role } from "../../src/generated/prisma/enums.js";
import type { Database } from "../../src/db/index.js";
import { countStatements } from "../../src/db/statements.js";
import { createContext } from "../../src/graphql/context.js";
import { buildSchema } from "../../src/graphql/schema.js";

let schema: GraphQLSchema | undefined;

/** The result of an operation run by {@link executeAs}, with the SQL statements it sent. */
export interface ExecutedOperation<T> {
  readonly data: T | null | undefined;
  readonly errors: ExecutionResult["errors"];
  readonly statements: string[];
}

/**
 * Runs an operation through the real schema, loaders and database as a viewer of `role`
 * (without HTTP and tokens), counting the SQL statements it sends.
 */
export async function executeAs<T = Record<string, unknown>>(
  database: Database,
  role: Role,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutedOperation<T>> {
  schema ??= buildSchema();
  const executable = schema;
  const contextValue = createContext(database.prisma, { role, userId: null, tokenId: null }, "test");
  const { result, statements } = await countStatements(async () =>
    execute({ schema: executable, document: parse(query), variableValues: variables, contextValue }),
  );
  // Through JSON, as a client would see it (dates become ISO strings).
  const data = result.data === undefined ? undefined : (JSON.parse(JSON.stringify(result.data)) as T | null);
  return { data, errors: result.errors, statements };
}
