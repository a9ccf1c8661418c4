/**
 * The few WebAssembly globals copydesk uses to load the schema engine. Node provides them at
 * run time; @types/node 20 does not declare them and we do not want the whole DOM lib.
 */
declare namespace WebAssembly {
  type ExportValue = unknown;
  type Exports = Record<string, ExportValue>;
  type ModuleImports = Record<string, unknown>;
  type Imports = Record<string, ModuleImports>;
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Exports;
  }
  class RuntimeError extends Error {}
}
