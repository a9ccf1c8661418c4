import type { Resolvers, ResolversInterfaceTypes } from "../generated/graphql.js";
import type { GraphQLContext } from "./context.js";
import { badUserInput } from "./errors.js";
import { parseGlobalId } from "./ids.js";
import type { RecordType } from "../core/records.js";
import { MAX_PAGE_SIZE } from "../core/paging.js";
import { resolveTaggedType, typed } from "../core/typed.js";

/** Any row a Node field can resolve to (the Prisma model of each node type). */
type NodeRow = ResolversInterfaceTypes<Record<string, unknown>>["Node"];

/** The by-id loader of each node type (each applies its own visibility rule). */
function loaderFor(type: RecordType, { loaders }: GraphQLContext): (id: string) => Promise<NodeRow | null> {
  const byType: Record<RecordType, (id: string) => Promise<NodeRow | null>> = {
    Article: (id) => loaders.articleById.load(id),
    ArticleRevision: (id) => loaders.articleRevisionById.load(id),
    Correction: (id) => loaders.correctionById.load(id),
    Quote: (id) => loaders.quoteById.load(id),
    // Relay's contract: node(id) answers the object with that id. A merged person or incident is
    // itself (its mergedInto says where it went); person(id) and incident(id) follow the merge.
    Person: (id) => loaders.personById.load(id),
    Organization: (id) => loaders.organizationById.load(id),
    Place: (id) => loaders.placeById.load(id),
    Incident: (id) => loaders.incidentById.load(id),
    Annotation: (id) => loaders.annotationById.load(id),
    ClaimReview: (id) => loaders.claimReviewById.load(id),
    User: (id) => loaders.userById.load(id),
    AuditEvent: (id) => loaders.auditEventById.load(id),
  };
  return byType[type];
}

async function loadNode(globalId: string, context: GraphQLContext): Promise<NodeRow | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return null;
  const row = await loaderFor(parsed.type, context)(parsed.id);
  return row ? typed(parsed.type, row) : null;
}

/** `node(id:)`, `nodes(ids:)` and the Node interface: global ids resolved through the same loaders (and visibility rules) as every other field. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, context) => loadNode(id, context),
    nodes: (_parent, { ids }, context) => {
      if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids (got ${ids.length}).`, "ids");
      return Promise.all(ids.map((id) => loadNode(id, context)));
    },
  },
  Node: {
    __resolveType: (value) => resolveTaggedType<RecordType>(value),
  },
};
