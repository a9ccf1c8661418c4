import type { Resolvers } from "../../generated/graphql.js";
import { toGlobalId } from "../../graphql/ids.js";

/** Resolvers of the people module. */
export const peopleResolvers: Resolvers = {
  Person: {
    id: (person) => toGlobalId("Person", person.id),
    aliases: (person, _args, { loaders }) => loaders.aliasesByPerson.load(person.id),
  },
};
