import type { GraphQLModule } from "../../module.js";
import { createPeopleLoaders } from "../../../domain/people/loaders.js";
import { peopleResolvers } from "./resolvers.js";

/** The people module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const peopleModule = {
  name: "people",
  resolvers: peopleResolvers,
  guards: {
    "Mutation.createPerson": "person.create",
    "Mutation.updatePerson": "person.update",
    "Mutation.addAlias": "person.addAlias",
    "Mutation.addRole": "person.addRole",
    "Mutation.mergePeople": "person.merge",
  },
  loaders: createPeopleLoaders,
} satisfies GraphQLModule;
