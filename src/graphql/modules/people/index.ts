import type { GraphQLModule } from "../../module.js";
import { addAlias, addRole, createPerson, mergePeople, updatePerson } from "../../../domain/people/commands.js";
import { createPeopleLoaders } from "../../../domain/people/loaders.js";
import { peopleResolvers } from "./resolvers.js";

/** The people module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const peopleModule = {
  name: "people",
  resolvers: peopleResolvers,
  guards: {
    "Mutation.createPerson": createPerson.action,
    "Mutation.updatePerson": updatePerson.action,
    "Mutation.addAlias": addAlias.action,
    "Mutation.addRole": addRole.action,
    "Mutation.mergePeople": mergePeople.action,
  },
  loaders: createPeopleLoaders,
} satisfies GraphQLModule;
