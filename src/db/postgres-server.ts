import pg from "pg";

/** The database name a PostgreSQL URL points at ("postgres" when it names none). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** The same server URL, pointing at another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** A PostgreSQL identifier in double quotes, safe to splice into DDL such as CREATE DATABASE. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs work on one short-lived connection to `url` (for DDL that cannot run in a pool's
 * transaction, such as CREATE/DROP DATABASE) and always closes it.
 */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
