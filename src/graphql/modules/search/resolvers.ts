import type { Resolvers } from "../../../generated/graphql.js";
import { resolveTaggedType, typed } from "../../../core/typed.js";
import { search, type SearchHitValue } from "../../../domain/search/service.js";
import type { GraphQLContext } from "../../context.js";

async function loadItem(hit: SearchHitValue, { loaders }: GraphQLContext) {
  switch (hit.type) {
    case "ARTICLE": {
      const row = await loaders.articleById.load(hit.id);
      return row && typed("Article", row);
    }
    case "QUOTE": {
      const row = await loaders.quoteById.load(hit.id);
      return row && typed("Quote", row);
    }
    case "PERSON": {
      const row = await loaders.personById.load(hit.id);
      return row && typed("Person", row);
    }
    case "INCIDENT": {
      const row = await loaders.incidentById.load(hit.id);
      return row && typed("Incident", row);
    }
  }
}

/** Resolvers of the search module. */
export const searchResolvers: Resolvers = {
  Query: {
    search: (_parent, args, { prisma, viewer }) => search(prisma, viewer, args),
  },
  SearchHit: {
    // The hit was visible when ranked; a row that vanished since is reported as an error by the non-null field.
    item: async (hit, _args, context) => {
      const item = await loadItem(hit, context);
      if (!item) throw new Error(`Search hit ${hit.type} ${hit.id} is no longer available.`);
      return item;
    },
  },
  SearchItem: {
    __resolveType: (value) => resolveTaggedType<"Article" | "Quote" | "Person" | "Incident">(value),
  },
};
