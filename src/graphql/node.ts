import type { Resolvers, ResolversInterfaceTypes } from "../generated/graphql.js";
import type { GraphQLContext } from "./context.js";
import { parseGlobalId, type NodeType } from "./ids.js";

type NodeValue = ResolversInterfaceTypes<Record<string, never>>["Node"] & { __typename?: NodeType };

async function loadNode(globalId: string, { loaders }: GraphQLContext): Promise<NodeValue | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return null;
  const row = await {
    Article: () => loaders.articleById.load(parsed.id),
    Quote: () => loaders.quoteById.load(parsed.id),
    Person: () => loaders.personById.load(parsed.id),
  }[parsed.type]();
  return row ? { ...row, __typename: parsed.type } : null;
}

/** `node(id:)` and the Node interface: global ids resolved through the same loaders (and visibility rules) as every other field. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, context) => loadNode(id, context),
  },
  Node: {
    __resolveType: (value) => (value as NodeValue).__typename ?? null,
  },
};
