// npm run lint:imports: checks src/'s layer rules (issue 19) and fails on any break of them.
//
//   npm run lint:imports [-- --base-dir DIR]
//
// Two checks over one dependency-cruiser run (type-only imports count):
// 1. the named rules of .dependency-cruiser.cjs (one per layer rule; its comments say why);
// 2. no import cycle between folders, where a folder is a node of the folder graph below
//    (folderNode). dependency-cruiser's no-circular is per file, and its folder-scoped rules see
//    every folder at every depth (src/extraction/speech as well as src/extraction, src/domain as
//    well as src/domain/articles), which is neither our nodes nor a cycle check at their level,
//    so this script collapses the file graph to our nodes and reports each strongly connected
//    group, every folder edge inside it with the imports that make it, and each two-folder cycle.
//
// Exit codes: 0 clean; 1 a rule broken or a folder cycle; 2 the check itself failed.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseConfig from "dependency-cruiser/config-utl/extract-depcruise-config";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const repositoryRoot = path.resolve(import.meta.dirname, "..");

/** One import that breaks a named rule. */
export interface RuleViolation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

/** One edge of the folder graph and the file imports behind it. */
export interface FolderEdge {
  readonly from: string;
  readonly to: string;
  /** "src/a/x.ts -> src/b/y.ts" for each file import that makes this edge. */
  readonly imports: readonly string[];
}

/** A strongly connected group of folders: each reaches every other, so each edge in it closes a cycle. */
export interface FolderCycleGroup {
  readonly folders: readonly string[];
  /** The group's edges, each with the shortest path back that closes its cycle. */
  readonly edges: readonly (FolderEdge & { readonly back: readonly string[] })[];
}

export interface ImportCheckResult {
  readonly violations: readonly RuleViolation[];
  readonly cycles: readonly FolderCycleGroup[];
  /** Pairs of folders that import each other directly (sorted, each pair once). */
  readonly twoFolderCycles: readonly (readonly [string, string])[];
  readonly moduleCount: number;
}

/**
 * The node of the folder graph that a file belongs to, or null for what is not under src/
 * (packages, Node's modules). Nodes: each top-level folder of src/, each src/domain/<module> and
 * each src/graphql/modules/<module>, and each file at src/'s root; with three mergers:
 * src/cli.ts with src/cli/ and src/server.ts with src/server/ (one entry point, one layer, however
 * split), and src/generated/graphql.ts with src/graphql: it is codegen output of the adapter's
 * SDL that types the adapter's resolvers and refers to its context type, so it belongs to the
 * adapter, while src/generated/prisma is the database client (a node of its own).
 */
export function folderNode(file: string): string | null {
  if (!file.startsWith("src/")) return null;
  if (file === "src/generated/graphql.ts") return "src/graphql";
  const module = /^src\/(domain|graphql\/modules)\/[^/]+(?=\/)/.exec(file);
  if (module) return module[0];
  const generated = /^src\/generated\/[^/.]+/.exec(file);
  if (generated) return generated[0];
  const entry = /^src\/(cli|server)(\.ts$|\/)/.exec(file);
  if (entry) return `src/${entry[1]}`;
  const top = /^src\/[^/]+/.exec(file);
  return top ? top[0] : null;
}

/**
 * File imports left out of the folder graph: the module registry (registry.ts, read by schema
 * assembly and the per-request context) and the schema assembly (schema.ts) import each module's
 * entry (index.ts, or resolvers.ts) to put the API together, while the modules use the adapter's
 * toolkit (ids, errors, context, module type) beside them in src/graphql. That downward
 * composition is the adapter's design, not a layering cycle. Any other src/graphql file importing
 * a module still counts, so a toolkit file that depends on a module it serves is reported.
 */
export const COMPOSITION_IMPORTS: readonly { readonly from: RegExp; readonly to: RegExp }[] = [
  { from: /^src\/graphql\/(registry|schema)\.ts$/, to: /^src\/graphql\/modules\/[^/]+\/(index|resolvers)\.ts$/ },
];

/** The part of a cruise result the folder check reads (so tests can hand it a small graph). */
export interface FileGraph {
  readonly modules: readonly { readonly source: string; readonly dependencies: readonly { readonly resolved: string }[] }[];
}

/** The folder graph of a cruise: node -> node -> file imports. */
export function folderGraph(result: FileGraph): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const module of result.modules) {
    const from = folderNode(module.source);
    if (from === null) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const dependency of module.dependencies) {
      const to = folderNode(dependency.resolved);
      if (to === null || to === from) continue;
      if (COMPOSITION_IMPORTS.some((c) => c.from.test(module.source) && c.to.test(dependency.resolved))) continue;
      const edges = graph.get(from)!;
      const imports = edges.get(to) ?? [];
      imports.push(`${module.source} -> ${dependency.resolved}`);
      edges.set(to, imports);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one node, each sorted, in name order. */
function stronglyConnected(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest path from `start` to `goal` inside `members` (breadth first), both ends included. */
function shortestPath(graph: Map<string, Map<string, string[]>>, members: Set<string>, start: string, goal: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) break;
    for (const to of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(to) || seen.has(to)) continue;
      seen.add(to);
      previous.set(to, node);
      queue.push(to);
    }
  }
  const path = [goal];
  while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
  return path;
}

/** The folder cycles of a cruise: its strongly connected groups and its two-folder cycles. */
export function folderCycles(result: FileGraph): Pick<ImportCheckResult, "cycles" | "twoFolderCycles"> {
  const graph = folderGraph(result);
  const cycles = stronglyConnected(graph).map((folders) => {
    const members = new Set(folders);
    const edges = folders.flatMap((from) =>
      [...(graph.get(from) ?? new Map<string, string[]>()).entries()]
        .filter(([to]) => members.has(to))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([to, imports]) => ({ from, to, imports: [...imports].sort(), back: shortestPath(graph, members, to, from) })),
    );
    return { folders, edges };
  });
  const twoFolderCycles: (readonly [string, string])[] = [];
  for (const [from, edges] of graph) {
    for (const to of edges.keys()) {
      if (from < to && graph.get(to)?.has(from)) twoFolderCycles.push([from, to]);
    }
  }
  twoFolderCycles.sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
  return { cycles, twoFolderCycles };
}

/** Runs both checks on `baseDir`'s src/ with the repository's rules (or `configFile`). */
export async function checkImports(
  baseDir: string = repositoryRoot,
  configFile: string = path.join(repositoryRoot, ".dependency-cruiser.cjs"),
): Promise<ImportCheckResult> {
  const config = await extractDepcruiseConfig(configFile);
  const tsConfigFile = path.join(baseDir, "tsconfig.json");
  const options: ICruiseOptions = {
    ...config.options,
    baseDir,
    tsConfig: { fileName: tsConfigFile },
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
    outputType: "json",
  };
  const reported = await cruise(["src"], options, {}, { tsConfig: extractTSConfig(tsConfigFile) });
  const result = (typeof reported.output === "string" ? JSON.parse(reported.output) : reported.output) as ICruiseResult;
  const violations = result.summary.violations
    .map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }))
    .sort((a, b) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`));
  return { violations, ...folderCycles(result), moduleCount: result.modules.length };
}

/** The report: violations by rule, then folder cycles, then the counts. */
export function formatReport(result: ImportCheckResult): string {
  const lines: string[] = [];
  const byRule = new Map<string, RuleViolation[]>();
  for (const violation of result.violations) byRule.set(violation.rule, [...(byRule.get(violation.rule) ?? []), violation]);
  for (const [rule, violations] of byRule) {
    lines.push(`${rule} (${violations.length}):`);
    for (const violation of violations) lines.push(`  ${violation.from} -> ${violation.to}`);
    lines.push("");
  }
  if (result.cycles.length > 0) {
    lines.push(`folder-cycles (${result.cycles.length} group${result.cycles.length === 1 ? "" : "s"} of folders that import each other in a circle):`);
    result.cycles.forEach((group, number) => {
      lines.push(`  group ${number + 1}: ${group.folders.join(", ")}`);
      for (const edge of group.edges) {
        lines.push(`    ${edge.from} -> ${edge.to} (back: ${edge.back.join(" -> ")})`);
        for (const imported of edge.imports) lines.push(`      ${imported}`);
      }
    });
    lines.push("");
  }
  if (result.twoFolderCycles.length > 0) {
    lines.push(`two-folder cycles (${result.twoFolderCycles.length}; folders that import each other directly, edges listed above):`);
    for (const [a, b] of result.twoFolderCycles) lines.push(`  ${a} <-> ${b}`);
    lines.push("");
  }
  const counts = [...byRule].map(([rule, violations]) => `${rule} ${violations.length}`);
  const distinct = new Set(result.violations.map((v) => `${v.from} ${v.to}`)).size;
  lines.push(
    result.violations.length === 0 && result.cycles.length === 0
      ? `lint:imports: ${result.moduleCount} modules, no rule broken, no folder cycle.`
      : `lint:imports: ${result.violations.length} rule violations (${distinct} imports${counts.length > 0 ? `; ${counts.join(", ")}` : ""}), ` +
          `${result.cycles.length} folder cycle groups (${result.cycles.reduce((n, g) => n + g.edges.length, 0)} folder edges), ` +
          `${result.twoFolderCycles.length} two-folder cycles.`,
  );
  return `${lines.join("\n")}\n`;
}

async function main(args: readonly string[]): Promise<number> {
  const at = args.indexOf("--base-dir");
  const baseDir = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]!) : repositoryRoot;
  const result = await checkImports(baseDir);
  const clean = result.violations.length === 0 && result.cycles.length === 0;
  (clean ? process.stdout : process.stderr).write(formatReport(result));
  return clean ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`lint:imports: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(2);
    },
  );
}
