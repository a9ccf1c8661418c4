import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImports, folderCycles, folderNode, type FileGraph } from "../../scripts/lint-imports.js";

// The rules of .dependency-cruiser.cjs and the folder-cycle check of `npm run lint:imports`, run on
// tests/fixtures/import-rules: a src/ tree that breaks each rule once and has one cycle between
// two domain folders, beside imports the rules allow. So a rule that stops matching (a typo in a
// pattern, a dropped rule, type-only imports no longer counted) fails here instead of passing the
// real tree silently.

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "tests/fixtures/import-rules");
const RULES = [
  "core-graphql-free",
  "domain-graphql-free",
  "extraction-pure",
  "graphql-adapter-below-server",
  "server-not-entry-points",
  "infrastructure-below-core",
  "layers-not-entry-points",
  "resolvable-imports",
];
const GRAPHQL_PACKAGE = expect.stringMatching(/(^|\/)node_modules\/graphql\//);

describe("lint:imports rules", () => {
  it("states one named rule per layer rule, each with the reason in a comment", () => {
    const config = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs")) as {
      forbidden: { name: string; comment?: string }[];
      options: { tsPreCompilationDeps?: boolean };
    };
    expect(config.forbidden.map((rule) => rule.name)).toEqual(RULES);
    for (const rule of config.forbidden) expect(rule.comment?.length ?? 0).toBeGreaterThan(40);
    expect(config.options.tsPreCompilationDeps).toBe(true);
  });

  it("reports each deliberate break of the fixture, type-only imports included, and nothing it allows", async () => {
    const result = await checkImports(fixture);
    expect(result.violations).toEqual([
      { rule: "core-graphql-free", from: "src/core/actor.ts", to: "src/graphql/errors.ts" },
      { rule: "core-graphql-free", from: "src/core/span.ts", to: GRAPHQL_PACKAGE },
      { rule: "domain-graphql-free", from: "src/domain/quotes/service.ts", to: GRAPHQL_PACKAGE },
      { rule: "extraction-pure", from: "src/extraction/text.ts", to: "src/db/client.ts" },
      { rule: "graphql-adapter-below-server", from: "src/graphql/context.ts", to: "src/server/app.ts" },
      { rule: "infrastructure-below-core", from: "src/pubsub/hub.ts", to: "src/core/actor.ts" },
      { rule: "layers-not-entry-points", from: "src/pubsub/hub.ts", to: "src/evaluation/feed.ts" },
      { rule: "resolvable-imports", from: "src/extraction/broken.ts", to: "./nowhere.js" },
      { rule: "server-not-entry-points", from: "src/server/app.ts", to: "src/seed/story.ts" },
    ]);
    expect(new Set(result.violations.map((v) => v.rule))).toEqual(new Set(RULES));
  });

  it("reports the cycle between two domain folders, and not the schema assembly's imports of its modules", async () => {
    const result = await checkImports(fixture);
    expect(result.twoFolderCycles).toEqual([["src/domain/articles", "src/domain/quotes"]]);
    expect(result.cycles).toHaveLength(1);
    expect(result.cycles[0]!.folders).toEqual(["src/domain/articles", "src/domain/quotes"]);
    expect(result.cycles[0]!.edges.map((edge) => [edge.from, edge.to, edge.imports])).toEqual([
      ["src/domain/articles", "src/domain/quotes", ["src/domain/articles/service.ts -> src/domain/quotes/service.ts"]],
      ["src/domain/quotes", "src/domain/articles", ["src/domain/quotes/service.ts -> src/domain/articles/service.ts"]],
    ]);
  });

  it("fails the command with the breaks and the cycle printed", async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts/lint-imports.ts"), "--base-dir", fixture],
        { cwd: root, timeout: 150_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toContain("core-graphql-free (2):\n  src/core/actor.ts -> src/graphql/errors.ts\n");
    expect(stderr).toContain("  src/domain/articles <-> src/domain/quotes\n");
    expect(stderr).toMatch(/lint:imports: 9 rule violations .* 1 folder cycle groups/);
  });
});

describe("folder graph", () => {
  it("makes a node of each top-level folder, domain module, GraphQL module and root file", () => {
    expect(folderNode("src/core/actor.ts")).toBe("src/core");
    expect(folderNode("src/domain/articles/service.ts")).toBe("src/domain/articles");
    expect(folderNode("src/graphql/modules/quotes/resolvers.ts")).toBe("src/graphql/modules/quotes");
    expect(folderNode("src/graphql/context.ts")).toBe("src/graphql");
    expect(folderNode("src/generated/graphql.ts")).toBe("src/graphql");
    expect(folderNode("src/generated/prisma/client.ts")).toBe("src/generated/prisma");
    expect(folderNode("src/extraction/speech/quotes.ts")).toBe("src/extraction");
    expect(folderNode("src/cli.ts")).toBe("src/cli");
    expect(folderNode("src/cli/migrate.ts")).toBe("src/cli");
    expect(folderNode("src/server.ts")).toBe("src/server");
    expect(folderNode("src/config.ts")).toBe("src/config.ts");
    expect(folderNode("node_modules/graphql/index.mjs")).toBeNull();
  });

  const graph = (edges: [string, string][]): FileGraph => ({
    modules: [...new Set(edges.map(([from]) => from))].map((source) => ({
      source,
      dependencies: edges.filter(([from]) => from === source).map(([, resolved]) => ({ resolved })),
    })),
  });

  it("counts a GraphQL toolkit file that imports a module as a cycle; only the registry and the schema assembly may", () => {
    const modules: [string, string][] = [["src/graphql/modules/quotes/resolvers.ts", "src/graphql/ids.ts"]];
    expect(folderCycles(graph([...modules, ["src/graphql/schema.ts", "src/graphql/modules/quotes/resolvers.ts"]])).cycles).toEqual([]);
    expect(folderCycles(graph([...modules, ["src/graphql/registry.ts", "src/graphql/modules/quotes/index.ts"]])).cycles).toEqual([]);
    expect(folderCycles(graph([...modules, ["src/graphql/ids.ts", "src/graphql/modules/quotes/resolvers.ts"]])).twoFolderCycles).toEqual([
      ["src/graphql", "src/graphql/modules/quotes"],
    ]);
  });

  it("finds a cycle through three domain folders with the path back for each edge", () => {
    const { cycles, twoFolderCycles } = folderCycles(
      graph([
        ["src/domain/a/x.ts", "src/domain/b/x.ts"],
        ["src/domain/b/x.ts", "src/domain/c/x.ts"],
        ["src/domain/c/x.ts", "src/domain/a/x.ts"],
        ["src/domain/c/x.ts", "src/core/x.ts"],
      ]),
    );
    expect(twoFolderCycles).toEqual([]);
    expect(cycles.map((group) => group.folders)).toEqual([["src/domain/a", "src/domain/b", "src/domain/c"]]);
    expect(cycles[0]!.edges.map((edge) => edge.back)).toEqual([
      ["src/domain/b", "src/domain/c", "src/domain/a"],
      ["src/domain/c", "src/domain/a", "src/domain/b"],
      ["src/domain/a", "src/domain/b", "src/domain/c"],
    ]);
  });
});
