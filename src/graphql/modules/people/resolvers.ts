import type { Resolvers } from "../../../generated/graphql.js";
import type { RecordType } from "../../../core/records.js";
import { expectGlobalId, optionalGlobalId, toGlobalId } from "../../ids.js";
import { inputId, mutationPayload, optionalInputId } from "../../payload.js";
import { addAlias, addRole, createPerson, mergePeople, updatePerson } from "../../../domain/people/commands.js";
import { listOrganizations, listPeople, resolvePerson } from "../../../domain/people/service.js";

/** {@link optionalInputId} for an id that null clears: null stays null, absent stays undefined. */
function clearableInputId(globalId: string | null | undefined, type: RecordType, field: string): string | null | undefined {
  return globalId === null ? null : optionalInputId(globalId, type, field);
}

/** Resolvers of the people module (people, unnamed sources and organizations): decode global ids, call the domain, map the result. */
export const peopleResolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { loaders }) => resolvePerson(loaders, expectGlobalId(id, "Person", "id")),
    people: async (_parent, args, { prisma, viewer, loaders }) => {
      const filter = args.filter && { ...args.filter, organizationId: optionalGlobalId(args.filter.organizationId, "Organization", "filter.organizationId") };
      const page = await listPeople(prisma, viewer, { ...args, filter });
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
    createPerson: (_parent, { input }, context) =>
      mutationPayload("person", () => createPerson(context, { ...input, organizationId: optionalInputId(input.organizationId, "Organization", "input.organizationId") })),
    updatePerson: (_parent, { input }, context) =>
      mutationPayload("person", () =>
        updatePerson(context, {
          ...input,
          id: inputId(input.id, "Person", "input.id"),
          // null removes the person's organization.
          organizationId: clearableInputId(input.organizationId, "Organization", "input.organizationId"),
        }),
      ),
    addAlias: (_parent, { input }, context) => mutationPayload("person", () => addAlias(context, { ...input, personId: inputId(input.personId, "Person", "input.personId") })),
    addRole: (_parent, { input }, context) =>
      mutationPayload("person", () =>
        addRole(context, {
          ...input,
          personId: inputId(input.personId, "Person", "input.personId"),
          organizationId: optionalInputId(input.organizationId, "Organization", "input.organizationId"),
        }),
      ),
    mergePeople: (_parent, { input }, context) =>
      mutationPayload("person", () =>
        mergePeople(context, {
          ...input,
          sourceId: inputId(input.sourceId, "Person", "input.sourceId"),
          targetId: inputId(input.targetId, "Person", "input.targetId"),
        }),
      ),
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
