import DataLoader from "dataloader";
import {
  defaultFieldResolver,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { collectSubFields, getArgumentValues, MapperKind, mapSchema } from "@graphql-tools/utils";
import { Prisma } from "../db/index.js";
import type { ModelName } from "../db/rows.js";
import { batchOptions } from "../core/loaders.js";
import { planNode, planSignature, prefetchPlans, type PlannedRelation, type ReadPlan } from "../core/plan.js";
import type { GraphQLContext, Loaders } from "./context.js";
import type { Guards } from "./policy.js";

/**
 * The read planner's GraphQL half (the domain half is src/core/plan.ts). Each module names the
 * fields whose rows the planner may read (`relations` in its index.ts: `"Quote.speaker":
 * personReference("speakerId")`). Every field that returns records of a type with such fields (a
 * list, a connection, a single record) reads, right after its own resolver, the planned part of
 * the selection below it for all its records in one statement, and primes the loaders; the
 * resolvers below then answer from their loaders. Records the planner itself read are not
 * planned again, so a query of any depth costs its root read plus one statement, and one more
 * for each unplanned relation that leads to planned ones. Everything else (guarded fields,
 * fields with arguments other than first/after, unions) is left to its resolver, as before.
 */
export type Relations = Readonly<Record<string, PlannedRelation<Loaders>>>;

/** How a field carries the records of its type. */
type Carrier = "single" | "list" | "connection";

interface Target {
  readonly typeName: string;
  readonly carrier: Carrier;
}

/** A record the planner hangs rows under. */
type PlannedParent = { readonly id: string } & Readonly<Record<string, unknown>>;

/** The planner's state for one set of loaders (one request, or one subscription event). */
interface RequestState {
  /** Rows the planner read: their relations were planned with them. */
  readonly planned: WeakSet<object>;
  /** One batch per parent type and plan, so the records of many resolver calls share a statement. */
  readonly batches: Map<string, DataLoader<PlannedParent, void, string>>;
}
const states = new WeakMap<object, RequestState>();

function stateOf(loaders: Loaders): RequestState {
  let state = states.get(loaders);
  if (!state) {
    state = { planned: new WeakSet(), batches: new Map() };
    states.set(loaders, state);
  }
  return state;
}

/** Plans of one selection, remembered per field node and variables (the same for every record of a list). */
interface CompiledSelection {
  /** The operation's variables as JSON: a repeated query with the same variables reuses the plans. */
  readonly variables: string;
  readonly plans: readonly ReadPlan<Loaders>[];
  readonly signature: string;
}
const compiledSelections = new WeakMap<FieldNode, CompiledSelection>();

/** Gives every field that returns records of a planned type the prefetch of its planned subtree. */
export function applyReadPlanner(schema: GraphQLSchema, relations: Relations, guards: Guards): GraphQLSchema {
  const names = new Map<PlannedRelation<Loaders>, string>(Object.entries(relations).map(([coordinate, relation]) => [relation, coordinate]));
  const parentTypes = new Set<string>();
  for (const coordinate of Object.keys(relations)) {
    const [typeName = "", fieldName = ""] = coordinate.split(".");
    const field = fieldOf(schema, typeName, fieldName);
    if (!field) throw new Error(`The read planner names ${coordinate}, which the schema does not have.`);
    const extra = field.args.filter((arg) => arg.name !== "first" && arg.name !== "after");
    if (extra.length > 0) throw new Error(`${coordinate} takes ${extra.map((arg) => arg.name).join(", ")}, which the read planner does not pass on.`);
    if (!isModelName(typeName)) throw new Error(`${typeName} is not a table, so the read planner cannot read its relations.`);
    parentTypes.add(typeName);
  }

  /** The plans of the selection `nodes` on records of `type`, to any depth. */
  function plansOf(type: GraphQLObjectType, nodes: FieldNode[], info: GraphQLResolveInfo, loaders: Loaders): ReadPlan<Loaders>[] {
    const plans: ReadPlan<Loaders>[] = [];
    const subfields = collectSubFields(info.schema, info.fragments, info.variableValues, type, nodes).fields;
    for (const fieldNodes of subfields.values()) {
      const first = fieldNodes[0];
      if (!first) continue;
      const fieldName = first.name.value;
      const coordinate = `${type.name}.${fieldName}`;
      const relation = relations[coordinate];
      const field = type.getFields()[fieldName];
      if (!relation || !field || guards[coordinate] || guards[type.name]) continue;
      const target = targetOf(info.schema, field.type);
      const childType = target ? info.schema.getType(target.typeName) : undefined;
      let children: ReadPlan<Loaders>[] = [];
      if (target && isObjectType(childType) && parentTypes.has(childType.name) && !guards[childType.name]) {
        const recordNodes = target.carrier === "connection" ? connectionNodes(info, field.type, fieldNodes) : fieldNodes;
        children = plansOf(childType, recordNodes, info, loaders);
      }
      const args = getArgumentValues(field, first, info.variableValues) as { first?: number | null; after?: string | null };
      const plan = planNode(relation, { first: args.first, after: args.after }, children, loaders);
      if (plan) plans.push(plan);
    }
    return plans;
  }

  const plannedFieldNames = new Set(Object.keys(relations).map((coordinate) => coordinate.split(".")[1]));
  const mentionsPlanned = new WeakMap<FieldNode, boolean>();
  /** Whether a planned field's name appears anywhere below the field at all (a one-article read has none), remembered per document. */
  function mayPlan(info: GraphQLResolveInfo, key: FieldNode): boolean {
    let known = mentionsPlanned.get(key);
    if (known === undefined) {
      known = info.fieldNodes.some((node) => selectsAny(node.selectionSet, info, plannedFieldNames, new Set()));
      mentionsPlanned.set(key, known);
    }
    return known;
  }

  function compile(info: GraphQLResolveInfo, target: Target, loaders: Loaders): CompiledSelection | null {
    const key = info.fieldNodes[0];
    if (!key || !mayPlan(info, key)) return null;
    const variables = JSON.stringify(info.variableValues);
    const known = compiledSelections.get(key);
    if (known && known.variables === variables) return known;
    const type = info.schema.getType(target.typeName);
    if (!isObjectType(type)) return null;
    const nodes = target.carrier === "connection" ? connectionNodes(info, info.returnType, [...info.fieldNodes]) : [...info.fieldNodes];
    const plans = plansOf(type, nodes, info, loaders);
    const compiled = { variables, plans, signature: `${target.typeName}:${planSignature(plans, (relation) => names.get(relation) ?? "?")}` };
    compiledSelections.set(key, compiled);
    return compiled;
  }

  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const target = targetOf(schema, field.type);
      if (!target || !parentTypes.has(target.typeName) || guards[`${typeName}.${fieldName}`]) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      const model = target.typeName as ModelName;
      return {
        ...field,
        async resolve(source, args, context: GraphQLContext, info) {
          const value: unknown = await resolve(source, args, context, info);
          const records = recordsOf(value, target.carrier);
          if (records.length === 0) return value;
          const state = stateOf(context.loaders);
          const fresh = records.filter((record) => !state.planned.has(record));
          if (fresh.length === 0) return value;
          const compiled = compile(info, target, context.loaders);
          if (!compiled || compiled.plans.length === 0) return value;
          let batch = state.batches.get(compiled.signature);
          if (!batch) {
            const { plans } = compiled;
            batch = new DataLoader<PlannedParent, void, string>(
              async (parents) => {
                await prefetchPlans(context, model, parents, plans, state.planned);
                return parents.map(() => undefined);
              },
              { ...batchOptions, cacheKeyFn: (parent) => parent.id },
            );
            state.batches.set(compiled.signature, batch);
          }
          try {
            await Promise.all(fresh.map((record) => batch.load(record)));
          } catch (error) {
            // A database fault: the resolvers below read what the plan could not, and report
            // the fault on their own fields, as they do without a planner.
            if (!(error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError)) throw error;
          }
          return value;
        },
      };
    },
  });
}

function fieldOf(schema: GraphQLSchema, typeName: string, fieldName: string): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
}

const MODEL_NAMES = new Set<string>(Object.values(Prisma.ModelName));
function isModelName(name: string): name is ModelName {
  return MODEL_NAMES.has(name);
}

/** The record type a field returns and how it carries it; null for scalars, unions and other shapes. */
function targetOf(schema: GraphQLSchema, type: GraphQLOutputType): Target | null {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) {
    const item = getNamedType(unwrapped);
    return isObjectType(item) ? { typeName: item.name, carrier: "list" } : null;
  }
  if (!isObjectType(unwrapped)) return null;
  const edges = unwrapped.name.endsWith("Connection") ? unwrapped.getFields()["edges"] : undefined;
  const edgeType = edges ? getNamedType(edges.type) : undefined;
  const node = isObjectType(edgeType) ? edgeType.getFields()["node"] : undefined;
  const nodeType = node ? getNamedType(node.type) : undefined;
  if (isObjectType(nodeType)) return { typeName: nodeType.name, carrier: "connection" };
  return isObjectType(schema.getType(unwrapped.name)) ? { typeName: unwrapped.name, carrier: "single" } : null;
}

/** The field nodes selecting `edges { node { ... } }` of a connection, under any alias. */
function connectionNodes(info: GraphQLResolveInfo, connectionType: GraphQLOutputType, nodes: FieldNode[]): FieldNode[] {
  const connection = getNamedType(connectionType);
  if (!isObjectType(connection)) return [];
  const edgeType = getNamedType(connection.getFields()["edges"]?.type);
  if (!isObjectType(edgeType)) return [];
  const selected: FieldNode[] = [];
  for (const edgeNodes of collectSubFields(info.schema, info.fragments, info.variableValues, connection, nodes).fields.values()) {
    if (edgeNodes[0]?.name.value !== "edges") continue;
    for (const nodeNodes of collectSubFields(info.schema, info.fragments, info.variableValues, edgeType, edgeNodes).fields.values()) {
      if (nodeNodes[0]?.name.value === "node") selected.push(...nodeNodes);
    }
  }
  return selected;
}

/** Whether a selection names any of `names` at any depth, through fragments (each spread once). */
function selectsAny(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, names: ReadonlySet<string | undefined>, spread: Set<string>): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return names.has(selection.name.value) || selectsAny(selection.selectionSet, info, names, spread);
      case Kind.INLINE_FRAGMENT:
        return selectsAny(selection.selectionSet, info, names, spread);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        if (spread.has(name)) return false;
        spread.add(name);
        return selectsAny(info.fragments[name]?.selectionSet, info, names, spread);
      }
    }
  });
}

/** The records in a resolver's answer: the record, the list's items or the page's nodes. */
function recordsOf(value: unknown, carrier: Carrier): PlannedParent[] {
  if (value === null || value === undefined) return [];
  const candidates: unknown[] =
    carrier === "single"
      ? [value]
      : carrier === "list"
        ? Array.isArray(value)
          ? value
          : []
        : ((value as { edges?: readonly { node?: unknown }[] }).edges ?? []).map((edge) => edge.node);
  return candidates.filter((candidate): candidate is PlannedParent => typeof candidate === "object" && candidate !== null && typeof (candidate as { id?: unknown }).id === "string");
}
