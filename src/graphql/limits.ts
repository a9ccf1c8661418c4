import { ApolloArmor } from "@escape.tech/graphql-armor";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import {
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
  type ValueNode,
} from "graphql";

// Limits on what one request may ask for, checked before anything executes. They were chosen by
// measuring every operation in README.md, bench/ and the test suite (largest: depth 10, 3 aliases,
// 305 tokens, 0 directives, cost 85,700 for 100 articles x 50 annotations with their authors) and
// leaving head-room, so a legitimate dashboard never meets them while the hostile shapes of
// issue 8 (depth 20, 500 aliases, 100 KB documents, three nested lists of 100) all do. They are
// constants, not settings: a client that needs more should page instead.

/** Deepest selection nesting (a connection costs 3 levels: field, edges, node). */
export const MAX_DEPTH = 12;
/** Most aliases in one operation (fragments included); `__typename` aliases are free. */
export const MAX_ALIASES = 20;
/** Most lexer tokens in one document: bounds parsing work whatever the document contains. */
export const MAX_TOKENS = 1500;
/** Most directives (`@include`, `@skip`, ...) in one operation. */
export const MAX_DIRECTIVES = 20;
/**
 * Highest GraphQL Armor cost, with a depth factor of 1 so the cost is about the number of values
 * returned: objects 2, scalars 1, times the `first` of each enclosing list (literal or variable;
 * 50, the largest default page, when a list's edges are asked without one). 100 articles with 100
 * quotes each costs 70,800; 100 x 100 x 10 nested costs 780,600 and is refused.
 */
export const MAX_COST = 200_000;
/** Armor's factor per level of nesting; 1 keeps the cost proportional to the rows a query can load. */
const DEPTH_COST_FACTOR = 1;
/** Queries costing at least this much count against the rate limits, like mutations. */
export const EXPENSIVE_QUERY_COST = 10_000;
/** Longest GraphQL document in characters: a document of comments or whitespace has few tokens. */
export const MAX_DOCUMENT_LENGTH = 50_000;
/**
 * Largest HTTP request body. The largest legitimate value is an article body of 500,000
 * characters (UTF-16 code units, as zod counts them), which is at most 1.5 MB of UTF-8; 2 MiB
 * leaves room for JSON escaping and the rest of the request, so every value the mutations accept
 * fits, and a 1 MB string reaches the mutation, which refuses it as INVALID_INPUT naming the field.
 */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** `first` assumed when a list field is asked without one: the largest default page (connection loaders use 20 or 50). */
const DEFAULT_PAGE = 50;
/**
 * Longest GraphQL response body, in characters, answered by HTTP. A second line behind the cost
 * limit, which counts values, not their size: 100 ids of one article asking for its body would
 * cost little and weigh 150 MB. The largest legitimate answer is a few article bodies (1.5 MB of
 * UTF-8 each at most) or a page of 100 records; past the bound the client is told to ask for less.
 */
export const MAX_RESPONSE_CHARACTERS = 16 * 1024 * 1024;

/** Answers a request refused by a limit: typed, HTTP 400, nothing executed. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } } });
}

/** How many items a list argument's value holds: a literal list or a variable's array by length, a single value (coerced to a list of one) as 1. */
function listLength(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : 1;
  }
  return 1;
}

/**
 * Copy of the document in which every list field carries a literal `first`, the only argument the
 * cost rule multiplies by: a variable `first` carries the request's value, a connection asked
 * without `first` gets its default page (else `first: $n` would nest 100 x 100 x 100 for free),
 * and a list field whose length is the length of a list argument (`nodes(ids:)`) gets that
 * length (else 100 ids of a costly selection would cost one of them). Aliases are separate fields,
 * so each is counted.
 */
function withLiteralFirst(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const literal = (count: number): ValueNode => ({ kind: Kind.INT, value: String(count) });
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const definition = typeInfo.getFieldDef();
        if (!definition) return undefined;
        if (!definition.args.some((argument) => argument.name === "first")) {
          if (!isListType(getNullableType(definition.type))) return undefined;
          // A list without paging: as long as its longest list argument (nodes(ids:) answers one item per id).
          const listArguments = new Set(definition.args.filter((argument) => isListType(getNullableType(argument.type))).map((argument) => argument.name));
          const count = Math.max(1, ...(node.arguments ?? []).filter((argument) => listArguments.has(argument.name.value)).map((argument) => listLength(argument.value, variables)));
          if (count === 1) return undefined;
          const first: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "first" }, value: literal(count) };
          return { ...node, arguments: [...(node.arguments ?? []), first] };
        }
        const given = node.arguments?.find((argument) => argument.name.value === "first");
        if (given?.value.kind === Kind.INT) return undefined;
        // A list asked only for its totalCount loads no page: leave it at the rule's factor 1.
        const pages = node.selectionSet?.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === "edges");
        if (!given && !pages) return undefined;
        const value = given?.value.kind === Kind.VARIABLE ? variables[given.value.name.value] : undefined;
        const count = typeof value === "number" && Number.isInteger(value) ? value : DEFAULT_PAGE;
        const first: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "first" }, value: literal(count) };
        return { ...node, arguments: [...(node.arguments ?? []).filter((argument) => argument !== given), first] };
      },
    }),
  );
}

/** The Armor cost of a document with literal `first` everywhere, or null when the cost rule refuses it. */
function armorCost(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>): number | null {
  let cost = 0;
  const errors = validate(schema, withLiteralFirst(schema, document, variables), [
    costLimitRule({
      maxCost: MAX_COST,
      depthCostFactor: DEPTH_COST_FACTOR,
      exposeLimits: true,
      propagateOnRejection: false,
      onAccept: [(_context, details: { n: number }) => (cost = Math.max(cost, details.n))],
      onReject: [(context) => context?.reportError(limitError("The query is too expensive: ask for fewer items or fewer levels."))],
    }),
  ]);
  return errors.length > 0 ? null : cost;
}

/**
 * Costs already computed for a parsed document. Apollo keeps one DocumentNode per query text in
 * its document store, so a dashboard polling the same query finds its cost here instead of
 * walking and validating the document again (about 8% of the CPU of a one-article read). A
 * document's cost depends only on the values of the variables it passes as `first`, so those
 * values are the key; the entry goes with the document when Apollo drops it.
 */
interface DocumentCosts {
  /** The variables used as an argument's whole value anywhere in the document (`first: $n`, `ids: $ids`). */
  readonly firstVariables: readonly string[];
  readonly costs: Map<string, number | null>;
}
const documentCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentCosts>>();
/** Distinct `first` values remembered per document; past it the document's costs start over. */
const MAX_COSTS_PER_DOCUMENT = 64;

function costsOf(schema: GraphQLSchema, document: DocumentNode): DocumentCosts {
  let bySchema = documentCosts.get(schema);
  if (!bySchema) documentCosts.set(schema, (bySchema = new WeakMap()));
  let entry = bySchema.get(document);
  if (!entry) {
    const firstVariables = new Set<string>();
    visit(document, {
      Argument(node) {
        if (node.value.kind === Kind.VARIABLE) firstVariables.add(node.value.name.value);
      },
    });
    entry = { firstVariables: [...firstVariables], costs: new Map() };
    bySchema.set(document, entry);
  }
  return entry;
}

/** The Armor cost of the operation with the request's variables; above MAX_COST throws. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>): number {
  const { firstVariables, costs } = costsOf(schema, document);
  // What withLiteralFirst reads of a variable: an integer (a `first`), a list's length; anything else counts alike.
  const key = firstVariables
    .map((name) => {
      const value = variables[name];
      if (typeof value === "number" && Number.isInteger(value)) return String(value);
      return Array.isArray(value) ? `[${value.length}]` : "-";
    })
    .join(",");
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = armorCost(schema, document, variables);
    if (costs.size >= MAX_COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
  }
  if (cost === null) throw limitError(`Query cost limit of ${MAX_COST} exceeded: ask for fewer items (smaller first) or fewer nested lists.`);
  return cost;
}

/**
 * The limits Apollo enforces before execution: GraphQL Armor's depth, alias and directive rules
 * (validation rules), and graphql-js's own token limit while parsing (the same check as Armor's
 * max-tokens plugin, without parsing twice). Suggestions are masked by Apollo's
 * hideSchemaDetailsFromClientErrors in production; the cost rule runs separately
 * ({@link operationCost}) because it needs the request's variables.
 */
export function queryLimits(): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: MAX_DIRECTIVES },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { validationRules, parseOptions: { maxTokens: MAX_TOKENS } };
}
