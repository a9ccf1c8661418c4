import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { SchemaEngineAdapterFactory } from "./adapter.js";

export type { SchemaEngine } from "@prisma/schema-engine-wasm";

interface WasmBindings {
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (line: string) => void, adapter: object) => Promise<SchemaEngine>;
  };
  version(): string;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let bindings: Promise<WasmBindings> | undefined;

/** The message of the engine's last Rust panic (the WASM module reports it through a global). */
let lastPanicMessage: string | undefined;

/** Takes (and clears) the message of the last Rust panic inside the engine, if any. */
export function takePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

/**
 * Loads @prisma/schema-engine-wasm once per process. Node 20 cannot import .wasm as an ES
 * module, so we instantiate it by hand and hand the package's JS glue to it as its import.
 */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    // Rust panics call global.PRISMA_WASM_PANIC_REGISTRY.set_message() before trapping.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanicMessage = message;
      },
    };
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import(pathToFileURL(path.join(packageDir, "schema_engine_bg.js")).href)) as WasmBindings;
    const module = new WebAssembly.Module(fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** The version (git hash) of the WebAssembly schema engine. */
export async function wasmSchemaEngineVersion(): Promise<string> {
  return (await loadBindings()).version();
}

/** What the engine needs to know: the Prisma schema files and where the database is. */
export interface WasmSchemaEngineOptions {
  /** [path, content] of each Prisma schema file; omit for commands that need only a URL. */
  readonly schemaFiles?: [string, string][];
  readonly url: string;
  readonly shadowDatabaseUrl?: string;
  /** Receives the engine's JSON log lines. */
  readonly log?: (line: string) => void;
}

/** Creates a WebAssembly schema engine connected to a PostgreSQL database through `pg`. */
export async function openWasmSchemaEngine(options: WasmSchemaEngineOptions): Promise<SchemaEngine> {
  const glue = await loadBindings();
  const factory = bindMigrationAwareSqlAdapterFactory(new SchemaEngineAdapterFactory(options.url, options.shadowDatabaseUrl));
  return glue.SchemaEngine.new({ datamodels: options.schemaFiles }, options.log ?? (() => {}), factory);
}

/**
 * Reads a migrations directory the way the Prisma CLI does: every `<name>/migration.sql`,
 * sorted by name, with migration_lock.toml.
 */
export function readMigrationList(migrationsDir: string, shadowDbInitScript = ""): MigrationList {
  const lockfilePath = path.join(migrationsDir, "migration_lock.toml");
  const entries = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = fs.existsSync(file)
        ? ({ tag: "ok", value: fs.readFileSync(file, "utf8") } as const)
        : ({ tag: "error", value: `Could not read ${file}` } as const);
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : null },
    shadowDbInitScript,
    migrationDirectories,
  };
}
