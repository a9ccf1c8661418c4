import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { quoteIdentifier, withConnection, withDatabaseName } from "../postgres-server.js";

/** PostgreSQL's internal single-byte "char" type and its array; adapter-pg refuses to read them. */
const CHAR_OID = 18;
const CHAR_ARRAY_OID = 1002;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

interface FieldLike {
  dataTypeID: number;
}
interface ResultLike {
  fields?: FieldLike[];
}
interface QueryConfigLike {
  text?: unknown;
}

/**
 * Which result columns of a query (by its SQL text) were PostgreSQL "char". The same SQL always
 * yields the same column types, so this is a deterministic cache, not request state.
 */
const charColumnsBySql = new Map<string, number[]>();

function relabelCharColumns<T>(sql: string | undefined, result: T): T {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const item of results) {
    const charColumns: number[] = [];
    ((item as ResultLike | undefined)?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      } else if (field.dataTypeID === CHAR_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    });
    if (sql !== undefined && charColumns.length > 0) charColumnsBySql.set(sql, charColumns);
  }
  return result;
}

/** Reports "char" columns as the engine's Character type (adapter-pg has no mapping for them). */
function restoreCharacterColumns(query: SqlQuery, result: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsBySql.get(query.sql);
  if (!charColumns) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of charColumns) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * The schema engine's introspection selects catalog columns of type "char" (pg_class.relkind,
 * pg_constraint.contype). `pg` already returns them as one-letter strings; we relabel them as
 * text so @prisma/adapter-pg reads them instead of failing, and remember which they were so
 * the engine still receives them as Character values.
 */
function readCharColumnsAsText(client: pg.PoolClient): void {
  const original = client.query.bind(client) as QueryFunction;
  const patched: QueryFunction = (...args) => {
    const first = args[0];
    const sql = typeof first === "string" ? first : typeof (first as QueryConfigLike)?.text === "string" ? ((first as QueryConfigLike).text as string) : undefined;
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (callback as (error: unknown, result: unknown) => void)(error, error ? result : relabelCharColumns(sql, result));
      return original(...args);
    }
    const outcome = original(...args);
    return outcome instanceof Promise ? outcome.then((result) => relabelCharColumns(sql, result)) : outcome;
  };
  (client as unknown as { query: QueryFunction }).query = patched;
}

function toDriverAdapterError(error: unknown): unknown {
  if (error instanceof pg.DatabaseError) {
    return new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "XX000",
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
  return error;
}

function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("connect", readCharColumnsAsText);
  return pool;
}

/**
 * Connects an adapter whose executeScript sends a whole migration as one simple-protocol
 * query, as the native engine does (adapter-pg splits on ";", which breaks function bodies).
 */
async function connectScriptSafe(url: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = createPool(url);
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  const dispose = adapter.dispose.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  return Object.assign(adapter, {
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      return restoreCharacterColumns(query, await queryRaw(query));
    },
    async executeScript(script: string): Promise<void> {
      try {
        await pool.query(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    async dispose(): Promise<void> {
      await dispose();
      await onDispose?.();
    },
  });
}

/**
 * The driver adapter the WebAssembly schema engine runs on: PostgreSQL through `pg`, with a
 * shadow database taken from `shadowDatabaseUrl` or, failing that, created beside the main one
 * (and dropped afterwards) by URL, so it never lands on the main database.
 */
export class SchemaEngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  constructor(
    private readonly url: string,
    private readonly shadowDatabaseUrl?: string,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return connectScriptSafe(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (this.shadowDatabaseUrl) {
      // A given shadow database is reused across commands: empty it first, as the native engine does.
      const shadow = await connectScriptSafe(this.shadowDatabaseUrl);
      await shadow.executeScript('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
      return shadow;
    }
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withConnection(this.url, (admin) => admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
    return connectScriptSafe(withDatabaseName(this.url, database), async () => {
      await withConnection(this.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`));
    });
  }
}
