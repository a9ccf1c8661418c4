/**
 * The import rules of src/'s layers (issue 19), checked by `npm run lint:imports` in CI
 * (scripts/lint-imports.ts runs dependency-cruiser with this file and adds the folder-cycle check,
 * which dependency-cruiser has no rule for at our folder granularity). `npx depcruise src` runs
 * these rules alone.
 *
 * Layers, lowest first: src/extraction (pure) and src/db, src/pubsub (infrastructure); src/core
 * (GraphQL-free kernel); src/domain/<module> (GraphQL-free services); src/graphql (the adapter);
 * src/server (HTTP/WebSocket); entry points (src/main.ts, src/cli*, src/seed,
 * src/evaluation). A rule per layer says what it may not import; core, domain, extraction and
 * graphql list what they MAY import (anything else under src/ is refused), the others what they
 * may not. Type-only imports count (tsPreCompilationDeps): a type from graphql in core ties core
 * to the GraphQL layer just as well as a value does.
 *
 * Paths are relative to the folder cruised from (the repository root, or a test's fixture tree),
 * so "src/..." patterns are anchored with ^; packages are matched wherever their node_modules is.
 */

/** GraphQL, Apollo and HTTP-server packages: what keeps a layer from being GraphQL/HTTP-free. */
const GRAPHQL_HTTP_PACKAGES = [
  "(^|/)node_modules/(graphql|graphql-[^/]+)/", // graphql, graphql-jit, graphql-scalars, graphql-ws...
  "(^|/)node_modules/@graphql-[^/]+/", // @graphql-tools/*
  "(^|/)node_modules/@apollo/",
  "(^|/)node_modules/@as-integrations/",
  "(^|/)node_modules/(fastify|fastify-[^/]+)/",
  "(^|/)node_modules/@fastify/", // fastify's own plugins (rate limit, static) are HTTP wiring too
  "(^|/)node_modules/@escape\\.tech/graphql-armor/", // GraphQL validation rules
];

/** Prisma's packages (the generated client lives in src/generated/prisma). */
const PRISMA_PACKAGES = ["(^|/)node_modules/(prisma|@prisma/[^/]+|\\.prisma)/"];

/** The application's entry points: they wire layers together, so no layer may depend on them. */
const ENTRY_POINTS = ["^src/cli[^/]*(/|$)", "^src/main\\.ts$", "^src/(seed|evaluation)/"];

/** src/server/. */
const SERVER = "^src/server/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-graphql-free",
      severity: "error",
      comment:
        "src/core is the GraphQL-free kernel (actor, failure, policy table, change ritual, input rules, " +
        "spans, paging, loader helpers) that domain services and any future transport share: it may " +
        "import only src/core, src/db, src/pubsub, src/generated/prisma and npm packages other than " +
        "GraphQL/Apollo/fastify ones. So never src/graphql, src/server, src/domain (core sits below " +
        "the domain), src/generated/graphql.ts (the adapter's codegen types) nor an entry point.",
      from: { path: "^src/core/" },
      to: {
        path: ["^src/", ...GRAPHQL_HTTP_PACKAGES],
        pathNot: "^src/(core|db|pubsub|generated/prisma)/",
      },
    },
    {
      name: "domain-graphql-free",
      severity: "error",
      comment:
        "src/domain/<module> holds the GraphQL-free domain services, callable from resolvers, the CLI, " +
        "the seed and the export alike: they may import only src/core, other domain modules, src/db, " +
        "src/pubsub, src/extraction and src/generated/prisma, and no GraphQL/Apollo/fastify package. " +
        "So never src/graphql, src/server, src/generated/graphql.ts nor an entry point (src/cli*, " +
        "src/seed, src/evaluation, src/main.ts). Cycles between domain modules are " +
        "reported by the folder-cycle check.",
      from: { path: "^src/domain/" },
      to: {
        path: ["^src/", ...GRAPHQL_HTTP_PACKAGES],
        pathNot: "^src/(core|domain|db|pubsub|extraction|generated/prisma)/",
      },
    },
    {
      name: "extraction-pure",
      severity: "error",
      comment:
        "src/extraction is pure text analysis (speech and event extraction) run by ingest, the " +
        "evaluation and the benchmarks on plain strings: it imports nothing from src/ outside itself " +
        "(no database, no generated Prisma client, no core or domain) and no Prisma package, so it " +
        "can be tested and scored without a database.",
      from: { path: "^src/extraction/" },
      to: {
        path: ["^src/", ...PRISMA_PACKAGES],
        pathNot: "^src/extraction/",
      },
    },
    {
      name: "graphql-adapter-below-server",
      severity: "error",
      comment:
        "src/graphql is the GraphQL adapter (toolkit, schema assembly, per-request context, " +
        "modules/<m>/{schema.graphql,resolvers.ts}) over core and domain: it may import only " +
        "src/graphql, src/core, src/domain, src/db, src/pubsub and src/generated. Never src/server " +
        "(the HTTP wiring mounts the adapter, not the other way round) nor an entry point " +
        "(src/cli*, src/seed, ...), so the schema can be built and tested without a server.",
      from: { path: "^src/graphql/" },
      to: {
        path: "^src/",
        pathNot: "^src/(graphql|core|domain|db|pubsub|generated)/",
      },
    },
    {
      name: "server-not-entry-points",
      severity: "error",
      comment:
        "src/server (HTTP/WebSocket wiring) may import any layer " +
        "but not the CLI or the seed: src/main.ts decides whether to seed and hands the server what " +
        "it needs, so starting a server never pulls in the CLI or the seed's corpus code.",
      from: { path: SERVER },
      to: { path: ["^src/cli[^/]*(/|$)", "^src/seed/"] },
    },
    {
      name: "infrastructure-below-core",
      severity: "error",
      comment:
        "src/db and src/pubsub are infrastructure under core, domain and the adapter (pubsub may " +
        "use db and the generated Prisma client): they never import src/core, src/domain, " +
        "src/graphql, src/generated/graphql.ts nor src/server, else every layer above would " +
        "depend on itself through them.",
      from: { path: "^src/(db|pubsub)/" },
      to: { path: ["^src/(core|domain|graphql)/", "^src/generated/graphql\\.ts$", SERVER] },
    },
    {
      name: "layers-not-entry-points",
      severity: "error",
      comment:
        "src/main.ts, src/cli.ts, src/cli/, src/seed and src/evaluation are entry " +
        "points that wire the layers together; nothing in src/core, src/domain, src/graphql, " +
        "src/db, src/pubsub or src/extraction may import them (an entry point's code that a " +
        "layer needs belongs in that layer). Overlaps the core/domain/extraction/graphql " +
        "allowlists on purpose: this rule alone states it for every layer.",
      from: { path: "^src/(core|domain|graphql|db|pubsub|extraction)/" },
      to: { path: ENTRY_POINTS },
    },
    {
      name: "resolvable-imports",
      severity: "error",
      comment:
        "Every import must resolve: the rules above match resolved paths, so an import " +
        "dependency-cruiser cannot resolve would escape them unseen.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports (`import type`, type re-exports) count as dependencies.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Rules see the first file of each package; the generated Prisma client only imports Prisma.
    doNotFollow: { path: ["(^|/)node_modules/", "^src/generated/prisma/"] },
    // ESM TypeScript: `./x.js` resolves to x.ts, packages through their "exports" (types included).
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
