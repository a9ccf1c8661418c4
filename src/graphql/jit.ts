import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import { BREAK, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import type { GraphQLContext } from "./context.js";

// Queries a client sends again and again (a dashboard polling, a script paging) run as compiled
// JavaScript (graphql-jit) instead of graphql-js's generic walk of the document: about a sixth of
// the server CPU of the nested dashboard query (bench/README.md). The compiled form is only a
// faster way to the same answer, so it takes the happy path alone:
// - queries only: a mutation's or subscription's answer cannot be computed twice;
// - an operation is compiled on its JIT_COMPILE_AFTER-th use, so a client sending new documents
//   makes graphql-js do the work, not the compiler, and the compiled plans are an LRU of
//   MAX_COMPILED_OPERATIONS: neither the work nor the memory grows with what clients send;
// - an answer with any error is dropped and the query runs again through graphql-js, so errors
//   are always graphql-js's and go through Apollo's formatting and masking (src/server/errors.ts). A
//   query is a read: running it twice costs time, never data.
// - a document that carries graphql-jit's internal markers is never compiled (see below).

/** Compiled operations kept; the least recently used goes first. */
export const MAX_COMPILED_OPERATIONS = 500;
/** Operations whose uses are counted, per compiled plan kept; the least recently seen goes first. */
const COUNTED_PER_COMPILED = 10;

/** A compiled operation, or `uncompilable` when graphql-jit declined the document (graphql-js runs it). */
export type Plan = CompiledQuery | "uncompilable";

/**
 * graphql-jit 0.8.9 writes an operation's literal arguments into the code it generates with
 * JSON.stringify, then turns every JSON string that starts with one of its markers
 * ("__MAGIC_DATE__<uuid>" and the like, public in its source) back into code: `new Date(...)`
 * around whatever follows the marker. A client's string literal starting with that marker would
 * run as JavaScript in the server (shown by tests/http/jit.test.ts). No legitimate document
 * contains the marker, so one that does, in a string (escapes decoded) or a name, is left to
 * graphql-js. Names and type names are the only other text the generator writes into code, and
 * GraphQL names cannot hold anything but letters, digits and underscores.
 */
const COMPILER_MARKER = "__MAGIC_";

/** Whether any string value or name of the document carries graphql-jit's marker. */
function carriesCompilerMarker(document: DocumentNode): boolean {
  let found = false;
  const check = (text: string) => {
    if (!text.includes(COMPILER_MARKER)) return undefined;
    found = true;
    return BREAK;
  };
  visit(document, { StringValue: (node) => check(node.value), Name: (node) => check(node.value) });
  return found;
}

/** Compiles one operation of a validated document; `uncompilable` for one graphql-js must run. */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Plan {
  if (carriesCompilerMarker(document)) return "uncompilable";
  const compiled = compileQuery(schema, document, operationName);
  return isCompiledQuery(compiled) ? compiled : "uncompilable";
}

/**
 * Runs a compiled query; null when graphql-js must answer instead (the plan threw, or the answer
 * has errors, which only graphql-js's run reports the way clients are told they look).
 */
export async function runCompiled(plan: CompiledQuery, context: GraphQLContext, variables: Readonly<Record<string, unknown>>): Promise<ExecutionResult | null> {
  let result: ExecutionResult;
  try {
    result = await plan.query(undefined, context, variables);
  } catch {
    return null;
  }
  return result.errors?.length ? null : result;
}

/** The compiled operations of one server, by key, with the uses of those not compiled yet. */
export class CompiledOperations {
  private readonly plans: LRUCache<string, Plan>;
  private readonly uses: LRUCache<string, number>;

  constructor(
    private readonly compileAfter: number,
    maxCompiled = MAX_COMPILED_OPERATIONS,
  ) {
    this.plans = new LRUCache({ max: maxCompiled });
    this.uses = new LRUCache({ max: COUNTED_PER_COMPILED * maxCompiled });
  }

  /** How many compiled plans are kept now. */
  get size(): number {
    return this.plans.size;
  }

  /** The plan of an operation, compiled on its `compileAfter`-th use; null before. */
  planFor(key: string, compile: () => Plan): Plan | null {
    const plan = this.plans.get(key);
    if (plan) return plan;
    const used = (this.uses.get(key) ?? 0) + 1;
    if (used < this.compileAfter) {
      this.uses.set(key, used);
      return null;
    }
    this.uses.delete(key);
    const compiled = compile();
    this.plans.set(key, compiled);
    return compiled;
  }
}

/**
 * The Apollo plugin that answers queries through graphql-jit once their operation has been used
 * `compileAfter` times (1: from the first use). The schema must be the one Apollo executes;
 * `onCompiledAnswer` hears of each request answered by a compiled query (for the request log).
 */
export function jitExecutionPlugin(schema: GraphQLSchema, compileAfter: number, onCompiledAnswer: () => void = () => {}): ApolloServerPlugin<GraphQLContext> {
  const operations = new CompiledOperations(compileAfter);
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, queryHash, request, contextValue }): Promise<GraphQLResponse | null> {
          // Apollo types the operation as resolved, but it is undefined for an unknown
          // operationName: graphql-js then answers with Apollo's 400.
          const resolved: typeof operation | undefined = operation;
          if (resolved?.operation !== "query") return null;
          const operationName = request.operationName ?? undefined;
          const plan = operations.planFor(`${queryHash}:${operationName ?? ""}`, () => compileOperation(schema, document, operationName));
          if (plan === null || plan === "uncompilable") return null;
          const result = await runCompiled(plan, contextValue, request.variables ?? {});
          if (!result) return null;
          onCompiledAnswer();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data: result.data ?? null } } };
        },
      };
    },
  };
}
