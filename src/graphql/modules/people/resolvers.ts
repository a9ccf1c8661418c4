import type { Resolvers } from "../../../generated/graphql.js";
import { expectGlobalId, toGlobalId } from "../../ids.js";
import { mutationPayload } from "../../../core/failure.js";
import { addAlias, addRole, createPerson, mergePeople, updatePerson } from "../../../domain/people/mutations.js";
import { listOrganizations, listPeople, resolvePerson } from "../../../domain/people/service.js";

/** Resolvers of the people module: people, unnamed sources and organizations. */
export const peopleResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { loaders }) => resolvePerson(loaders, expectGlobalId(id, "Person", "id")),
    people: async (_parent, args, { prisma, viewer, loaders }) => {
      const page = await listPeople(prisma, viewer, args);
      for (const { node } of page.edges) loaders.personById.prime(node.id, node);
      return page;
    },
    organization: (_parent, { id }, { loaders }) => loaders.organizationById.load(expectGlobalId(id, "Organization", "id")),
    organizations: async (_parent, args, { prisma, loaders }) => {
      const page = await listOrganizations(prisma, args);
      for (const { node } of page.edges) loaders.organizationById.prime(node.id, node);
      return page;
    },
  },
  Mutation: {
    createPerson: (_parent, { input }, context) => mutationPayload("person", () => createPerson(context, input)),
    updatePerson: (_parent, { input }, context) => mutationPayload("person", () => updatePerson(context, input)),
    addAlias: (_parent, { input }, context) => mutationPayload("person", () => addAlias(context, input)),
    addRole: (_parent, { input }, context) => mutationPayload("person", () => addRole(context, input)),
    mergePeople: (_parent, { input }, context) => mutationPayload("person", () => mergePeople(context, input)),
  },
  Person: {
    id: (person) => toGlobalId("Person", person.id),
    aliases: async (person, _args, { loaders }) => (await loaders.aliasesByPerson.load(person.id)).map((row) => row.alias),
    organization: (person, _args, { loaders }) => (person.organizationId ? loaders.organizationById.load(person.organizationId) : null),
    roles: (person, args, { loaders }) => loaders.rolesOfPerson.load(person.id, args),
    mergedInto: (person, _args, { loaders }) => (person.mergedIntoId ? resolvePerson(loaders, person.mergedIntoId) : null),
    quoteCount: (person, _args, { loaders }) => loaders.quoteCountOfPerson.load(person.id),
    quotes: (person, args, { loaders }) => loaders.quotesOfPerson.load(person.id, args),
    articles: (person, args, { loaders }) => loaders.articlesOfPerson.load(person.id, args),
  },
  PersonRole: {
    organization: (role, _args, { loaders }) => (role.organizationId ? loaders.organizationById.load(role.organizationId) : null),
  },
  Organization: {
    id: (organization) => toGlobalId("Organization", organization.id),
    people: (organization, args, { loaders }) => loaders.peopleOfOrganization.load(organization.id, args),
    quotes: (organization, args, { loaders }) => loaders.quotesOfOrganization.load(organization.id, args),
    quoteCount: (organization, _args, { loaders }) => loaders.quotesOfOrganization.count(organization.id),
  },
};
