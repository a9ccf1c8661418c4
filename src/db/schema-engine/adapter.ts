import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

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

function relabelCharColumns<T>(result: T): T {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const item of results) {
    for (const field of (item as ResultLike | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === CHAR_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * The schema engine's introspection selects catalog columns of type "char" (pg_class.relkind
 * and friends). `pg` already returns them as one-letter strings; we only relabel their type so
 * that @prisma/adapter-pg reads them as text instead of failing.
 */
function readCharColumnsAsText(client: pg.PoolClient): void {
  const original = client.query.bind(client) as QueryFunction;
  const patched: QueryFunction = (...args) => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (callback as (error: unknown, result: unknown) => void)(error, error ? result : relabelCharColumns(result));
      return original(...args);
    }
    const outcome = original(...args);
    return outcome instanceof Promise ? outcome.then(relabelCharColumns) : outcome;
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
  return Object.assign(adapter, {
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

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
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
    if (this.shadowDatabaseUrl) return connectScriptSafe(this.shadowDatabaseUrl);
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    return connectScriptSafe(withDatabase(this.url, database), async () => {
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    });
  }
}
