import type { GraphQLModule } from "../../module.js";
import { globalIdReader } from "../../ids.js";
import { organizationsList } from "../../../domain/people/service.js";
import * as commands from "../../../domain/people/commands.js";
import { createPeopleLoaders, organizationReference } from "../../../domain/people/loaders.js";
import { quotesOfOrganizationRelation, quotesOfPersonRelation } from "../../../domain/quotes/loaders.js";
import { peopleResolvers } from "./resolvers.js";

/** The people module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const peopleModule = {
  name: "people",
  resolvers: peopleResolvers,
  guards: {
    "Mutation.createPerson": commands.createPerson.action,
    "Mutation.updatePerson": commands.updatePerson.action,
    "Mutation.addAlias": commands.addAlias.action,
    "Mutation.addRole": commands.addRole.action,
    "Mutation.mergePeople": commands.mergePeople.action,
  },
  loaders: createPeopleLoaders,
  relations: {
    "Person.organization": organizationReference("organizationId"),
    "Person.quotes": quotesOfPersonRelation,
    "Organization.quotes": quotesOfOrganizationRelation,
  },
  lists: { "Query.organizations": organizationsList },
  readers: { "Person.id": globalIdReader("Person"), "Organization.id": globalIdReader("Organization") },
} satisfies GraphQLModule;
