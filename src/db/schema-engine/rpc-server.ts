import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";
import type { DiagnoseMigrationHistoryInput, DiffParams, EvaluateDataLossInput, SchemaEngine } from "@prisma/schema-engine-wasm";
import { databaseName, quoteIdentifier, withConnection, withDatabaseName } from "../postgres-server.js";
import { openWasmSchemaEngine, takePanicMessage, wasmSchemaEngineVersion } from "./wasm-engine.js";

/**
 * A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
 * The Prisma CLI starts it (PRISMA_SCHEMA_ENGINE_BINARY) and speaks JSON-RPC over stdin/stdout;
 * every request is delegated to the WebAssembly engine from @prisma/schema-engine-wasm.
 * stderr carries one banner line, then JSON log lines, as the native engine's does.
 */

interface Datasource {
  url: string;
  shadowDatabaseUrl?: string;
}

interface Arguments {
  datamodels: string[];
  datasource?: Datasource;
  command?: string;
}

interface RpcRequest {
  jsonrpc: "2.0";
  id: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

/** A user-facing engine error: what the CLI prints, with Prisma's error code when there is one. */
interface EngineErrorData {
  is_panic: boolean;
  message: string;
  error_code?: string;
  meta?: unknown;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { datamodels: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = argv[index + 1];
    if (argument === "--datamodels" && value !== undefined) {
      parsed.datamodels.push(value);
      index += 1;
    } else if (argument === "--datasource" && value !== undefined) {
      parsed.datasource = JSON.parse(value) as Datasource;
      index += 1;
    } else if ((argument === "--enabled-preview-features" || argument === "--extension-types") && value !== undefined) {
      index += 1;
    } else if (argument === "cli" && value !== undefined) {
      parsed.command = value;
      index += 1;
    } else if (argument === "--version" || argument === "-V") {
      parsed.command = "--version";
    }
  }
  return parsed;
}

function logLine(level: "INFO" | "ERROR", message: string, extra: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`);
}

/** Turns whatever the WASM engine threw into the error data the Prisma CLI knows how to print. */
function toEngineError(error: unknown): EngineErrorData {
  if (error instanceof WebAssembly.RuntimeError) {
    const panic = takePanicMessage();
    return { is_panic: true, message: `The WebAssembly schema engine panicked: ${panic ?? error.message}` };
  }
  const raw = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(raw) as Partial<EngineErrorData> & { error_code?: string };
    if (typeof parsed.message === "string") {
      return { is_panic: Boolean(parsed.is_panic), message: parsed.message, error_code: parsed.error_code, meta: parsed.meta };
    }
  } catch {
    // not JSON: a plain message
  }
  return { is_panic: false, message: raw };
}

function isMissingMigrationsTable(error: EngineErrorData): boolean {
  return error.error_code === "P1014" || /_prisma_migrations.*does not exist/.test(error.message);
}

/** Runs work on the maintenance database ("postgres") of the server a URL points at. */
function onMaintenanceDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withConnection(withDatabaseName(url, "postgres"), work);
}

async function databaseExists(url: string): Promise<boolean> {
  const found = await onMaintenanceDatabase(url, (client) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName(url)]),
  );
  return (found.rowCount ?? 0) > 0;
}

async function createDatabase(url: string): Promise<string> {
  const database = databaseName(url);
  await onMaintenanceDatabase(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
  return database;
}

async function dropDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName(url))} WITH (FORCE)`));
}

/** The one-shot `schema-engine cli <command>` form; exits 0 or prints an error log line and exits 1. */
async function runOneShot(command: string, datasource: Datasource | undefined): Promise<number> {
  process.stderr.write("schema-engine (WebAssembly) one-shot command\n");
  if (command === "--version") {
    process.stdout.write(`schema-engine-wasm ${await wasmSchemaEngineVersion()}\n`);
    return 0;
  }
  if (!datasource?.url) {
    logLine("ERROR", "No datasource URL was given.", { error_code: "P1012" });
    return 1;
  }
  try {
    if (command === "can-connect-to-database") {
      if (!(await databaseExists(datasource.url))) {
        logLine("ERROR", `Database \`${databaseName(datasource.url)}\` does not exist`, { error_code: "P1003" });
        return 1;
      }
      return 0;
    }
    if (command === "create-database") {
      const name = await createDatabase(datasource.url);
      process.stdout.write(`${JSON.stringify({ databaseName: name })}\n`);
      return 0;
    }
    if (command === "drop-database") {
      await dropDatabase(datasource.url);
      return 0;
    }
    logLine("ERROR", `Unknown schema-engine cli command: ${command}`);
    return 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    logLine("ERROR", message, { error_code: code === "ECONNREFUSED" ? "P1001" : "P1000" });
    return 1;
  }
}

/** Serves JSON-RPC requests from the Prisma CLI until stdin closes. */
async function serveRpc(args: Arguments): Promise<number> {
  process.stderr.write("schema-engine (WebAssembly) started\n");
  const schemaFiles = args.datamodels.map((file): [string, string] => [file, fs.readFileSync(file, "utf8")]);
  let enginePromise: Promise<SchemaEngine> | undefined;
  const engine = (): Promise<SchemaEngine> => {
    if (!args.datasource?.url) throw new Error("The schema engine was started without a datasource URL.");
    enginePromise ??= openWasmSchemaEngine({
      schemaFiles: schemaFiles.length > 0 ? schemaFiles : undefined,
      url: args.datasource.url,
      shadowDatabaseUrl: args.datasource.shadowDatabaseUrl,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    return enginePromise;
  };

  let nextPrintId = 1_000_000;
  const pendingPrints = new Map<number, () => void>();
  const send = (message: object): void => {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  };
  const print = (content: string): Promise<void> =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  /** Each JSON-RPC method of the native engine, delegated to the WebAssembly engine. */
  const methods: Record<string, (params: never) => Promise<unknown>> = {
    getDatabaseVersion: async () => (await engine()).version(),
    ensureConnectionValidity: async (params: never) => (await engine()).ensureConnectionValidity(params),
    applyMigrations: async (params: never) => (await engine()).applyMigrations(params),
    createMigration: async (params: never) => (await engine()).createMigration(params),
    dbExecute: async (params: never) => {
      await (await engine()).dbExecute(params);
      return {};
    },
    devDiagnostic: async (params: never) => (await engine()).devDiagnostic(params),
    diagnoseMigrationHistory: async (params: DiagnoseMigrationHistoryInput) => {
      try {
        return await (await engine()).diagnoseMigrationHistory(params);
      } catch (error) {
        const data = toEngineError(error);
        if (!isMissingMigrationsTable(data)) throw error;
        const names = params.migrationsList.migrationDirectories.map((directory) => directory.path);
        return {
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: false,
          history: names.length > 0 ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
        };
      }
    },
    evaluateDataLoss: async (params: EvaluateDataLossInput) => {
      // The WASM engine only reaches the shadow database through the adapter factory while it
      // computes the migrations' schema in devDiagnostic; warm that first, or evaluateDataLoss
      // after applying pending migrations fails with "shadow DB must be provided".
      const wasm = await engine();
      await wasm.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return wasm.evaluateDataLoss(params);
    },
    introspect: async (params: never) => (await engine()).introspect(params),
    introspectSql: async (params: never) => (await engine()).introspectSql(params),
    markMigrationApplied: async (params: never) => (await engine()).markMigrationApplied(params),
    markMigrationRolledBack: async (params: never) => (await engine()).markMigrationRolledBack(params),
    reset: async (params: never) => {
      await (await engine()).reset(params);
      return {};
    },
    schemaPush: async (params: never) => (await engine()).schemaPush(params),
    createDatabase: async () => {
      if (!args.datasource?.url) throw new Error("No datasource URL.");
      return { databaseName: await createDatabase(args.datasource.url) };
    },
    diff: async (params: DiffParams) => {
      const result = await (await engine()).diff(params);
      if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
      return { exitCode: result.exitCode };
    },
    debugPanic: async () => {
      throw new WebAssembly.RuntimeError("debugPanic was requested");
    },
  };

  const pendingIds = new Set<number>();
  const failRequest = (id: number, data: EngineErrorData): void => {
    send({
      jsonrpc: "2.0",
      id,
      error: {
        code: 4466,
        message: "An error happened. Check the data field for details.",
        data: data.is_panic ? { ...data, error: { message: data.message } } : data,
      },
    });
  };
  // A Rust panic can surface as an uncaught trap from a promise callback inside the engine:
  // answer every open request with it, then exit 101 like the native engine does on a panic.
  process.on("uncaughtException", (error) => {
    const data = toEngineError(error);
    logLine("ERROR", data.message);
    for (const id of pendingIds) failRequest(id, { ...data, is_panic: true });
    process.stdout.write("", () => process.exit(101));
  });

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const inFlight = new Set<Promise<void>>();
  for await (const line of input) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as RpcRequest;
    if (request.method === undefined) {
      pendingPrints.get(request.id)?.();
      pendingPrints.delete(request.id);
      continue;
    }
    const handler = methods[request.method];
    pendingIds.add(request.id);
    const task = (async () => {
      if (!handler) {
        send({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
        return;
      }
      try {
        const result = await handler(request.params as never);
        send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
      } catch (error) {
        const data = toEngineError(error);
        logLine("ERROR", data.message, data.error_code ? { error_code: data.error_code } : {});
        failRequest(request.id, data);
      } finally {
        pendingIds.delete(request.id);
      }
    })();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }
  await Promise.all(inFlight);
  if (enginePromise) (await enginePromise).free();
  return 0;
}

/** Entry point: `schema-engine [--datamodels F]... [--datasource JSON] [cli COMMAND]`. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArguments(argv);
  if (args.command) return runOneShot(args.command, args.datasource);
  return serveRpc(args);
}
